/** The site time zone of Vietnamese portals. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh'

// Indexed by Intl's English short weekday, so the result never depends on the runtime's Vietnamese locale data.
const weekdays: Record<string, string> = {
  Sun: 'Chủ nhật',
  Mon: 'Thứ hai',
  Tue: 'Thứ ba',
  Wed: 'Thứ tư',
  Thu: 'Thứ năm',
  Fri: 'Thứ sáu',
  Sat: 'Thứ bảy',
}

export interface DateLineOptions {
  /** An IANA time zone. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string
}

/**
 * The date line of a Vietnamese article page: `formatDateLine('2022-08-04T14:59:00.000Z')` →
 * `"Thứ năm - 04/08/2022 21:59"` (in the site time zone).
 */
export function formatDateLine(
  date: Date | string,
  { timeZone = DEFAULT_TIME_ZONE }: DateLineOptions = {},
): string {
  const value = typeof date === 'string' ? new Date(date) : date
  if (Number.isNaN(value.getTime()))
    throw new RangeError(`formatDateLine: "${String(date)}" is not a date.`)
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(value)
      .map((part) => [part.type, part.value]),
  )
  return `${weekdays[parts.weekday]} - ${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`
}
