/** Vietnamese number formatting for the admin dashboard (the SDK has its own for front ends). */
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })
const percent = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

/** `16917328` → `"16.917.328"`. */
export const formatCount = (n: number | null | undefined): string =>
  typeof n === 'number' ? integer.format(n) : '—'

/** `99.85` → `"99,85%"`; `null` → `"—"`. */
export const formatRate = (rate: number | null | undefined): string =>
  typeof rate === 'number' ? `${percent.format(rate)}%` : '—'
