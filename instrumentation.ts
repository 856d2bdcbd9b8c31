// Next.js runs this once per server process before the first request (`next start` and `next dev`).
export async function register() {
  // The rate limits need each request's socket address, which route handlers do not get.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { register: recordSocketAddresses } =
      await import('payload-plugin-news-portal/instrumentation')
    recordSocketAddresses()
  }
}
