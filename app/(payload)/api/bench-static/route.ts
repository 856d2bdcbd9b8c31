import fs from 'node:fs'

// Only for `npm run bench:cache`: the stack's ceiling, a route handler answering fixed bytes (the
// file BENCH_STATIC_FILE names); without that variable the path does not exist.
export const dynamic = 'force-dynamic'

let bytes: Uint8Array<ArrayBuffer> | undefined

function fixedAnswer(): Response {
  const file = process.env.BENCH_STATIC_FILE
  if (!file) return new Response(null, { status: 404 })
  bytes ??= new Uint8Array(fs.readFileSync(file))
  return new Response(bytes, { headers: { 'content-type': 'application/json' } })
}

export const GET = fixedAnswer
export const POST = fixedAnswer
