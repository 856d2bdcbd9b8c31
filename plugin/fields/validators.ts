/** Accepts an empty value or an absolute http(s) URL. */
export const validateHttpUrl = (value: unknown): true | string => {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Must be a URL starting with http:// or https://.'
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? true
      : 'Must be a URL starting with http:// or https://.'
  } catch {
    return 'Must be a URL starting with http:// or https://.'
  }
}
