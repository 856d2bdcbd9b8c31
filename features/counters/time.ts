/** Calendar keys in the site's time zone, read with Intl (no date library). */
export interface ZonedKeys {
  /** `YYYY-MM-DD` of the local day. */
  day: string
  /** `YYYY-MM` of the local month. */
  month: string
  /** `YYYY-MM` of the local month before (December of the year before in January). */
  previousMonth: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  return format
}

/** The local day, month and previous month of `date` in `timeZone`. */
export function zonedKeys(date: Date, timeZone: string): ZonedKeys {
  const parts = formatter(timeZone).formatToParts(date)
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value)
  const year = get('year')
  const month = get('month')
  const day = get('day')
  const previousYear = month === 1 ? year - 1 : year
  const previousMonth = month === 1 ? 12 : month - 1
  return {
    day: `${year}-${pad(month)}-${pad(day)}`,
    month: `${year}-${pad(month)}`,
    previousMonth: `${previousYear}-${pad(previousMonth)}`,
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Throws unless `timeZone` is one Intl knows (checked once, when the plugin starts). */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    // Intl's RangeError names no option: say which one is wrong.
    throw new Error(`newsPortalPlugin: timeZone "${timeZone}" is not a known IANA time zone.`)
  }
}
