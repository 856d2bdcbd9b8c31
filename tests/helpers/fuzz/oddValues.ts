import fc from 'fast-check'

/** Strings that have broken parsers, databases and templates before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9007199254740993',
  '-1',
  '1.5',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
  '%00',
  '%',
  '%zz',
  '../../etc/passwd',
  '\\',
  '"',
  "'",
  '`',
  '${1}',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '1; DROP TABLE articles; --',
  '*',
  'all',
  'vi',
  'en',
  'none',
  'VI',
  'vi-VN',
  '\u202e',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u2028',
  '\uffff',
  '\r\n',
  '\t',
  '💩',
  'Tiếng Việt có dấu',
  'İı',
]

/** A long run of one character: up to `max` UTF-16 units (a ~100 KB field, a 1 MB body). */
export const longString = (min: number, max: number) =>
  fc
    .tuple(
      fc.integer({ min, max }),
      fc.constantFrom('x', 'é', '\u0000', '💩', '%', ' ', '"', '\\', '{'),
    )
    .map(([length, unit]) => unit.repeat(Math.max(1, Math.floor(length / unit.length))))

/** Odd text: random code points, graphemes, nasty constants, NUL bytes, long runs; `known` real values mixed in. */
export const oddString = (known: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\u0000${b}`),
    },
    { weight: 1, arbitrary: longString(1_000, 100_000) },
    ...(known.length ? [{ weight: 4, arbitrary: fc.constantFrom(...known) }] : []),
  )

/** Odd integers: small, 32-bit edges and beyond, unsafe and fractional numbers. */
export const oddInt: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 25 }) },
  { weight: 2, arbitrary: fc.integer() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -1,
      -0,
      2 ** 31 - 1,
      -(2 ** 31),
      2 ** 31,
      2 ** 53,
      -(2 ** 53),
      Number.MAX_SAFE_INTEGER + 2,
      1e21,
      1e308,
      0.5,
      4.999,
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
)

/** Odd floats, NaN and infinities included (JSON carries those as null). */
export const oddFloat: fc.Arbitrary<number> = fc.oneof(oddInt, fc.double())

/** A JSON value nested `depth` levels deep, as objects or arrays (at most ~2 000: JSON.stringify recurses). */
export const deepJson = (minDepth: number, maxDepth: number) =>
  fc.tuple(fc.integer({ min: minDepth, max: maxDepth }), fc.boolean()).map(([depth, arrays]) => {
    let value: unknown = 1
    for (let level = 0; level < depth; level++) value = arrays ? [value] : { a: value }
    return value
  })

/** JSON text nested `depth` levels deep, far deeper than a value JSON.stringify can write. */
export const deepJsonText = (minDepth: number, maxDepth: number) =>
  fc
    .tuple(fc.integer({ min: minDepth, max: maxDepth }), fc.constantFrom('[', '{"a":'))
    .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`)

/** Any JSON value, including nested objects and deep nesting. */
export const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.dictionary(oddString(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  },
  { weight: 1, arbitrary: deepJson(10, 2_000) },
  { weight: 1, arbitrary: oddString() },
  { weight: 1, arbitrary: oddInt },
)

/** Dates as text: valid, out of range, malformed. */
export const oddDate: fc.Arbitrary<string> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom(
    '0000-00-00',
    '2024-13-45T99:99:99Z',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '2024-02-30',
    'now',
    'yesterday',
  ),
  oddString(),
)

/**
 * A header value a real client can send: Latin-1 bytes without NUL, CR or LF (fetch refuses
 * those before any server sees them), control characters and long values included.
 */
export const oddHeaderValue: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: fc.integer({ min: 1, max: 255 }).map((code) => String.fromCharCode(code)) }),
    fc.constantFrom('\u0001\u0002\u0003', '\u007f', '\u00ff'.repeat(40), 'tok\ten', '\u001b[31m'),
    fc
      .tuple(fc.integer({ min: 200, max: 60_000 }), fc.constantFrom('a', '\u0001', '\u00e9'))
      .map(([length, unit]) => unit.repeat(length)),
    fc.uuid(),
  )
  .filter((value) => !/[\0\r\n]/.test(value))

/** A client socket address (IPv4, IPv6 or nonsense), so the rate limit rarely hides deeper code. */
export const oddClientAddress: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.ipV4() },
  { weight: 2, arbitrary: fc.ipV6() },
  { weight: 1, arbitrary: fc.constantFrom('', 'unknown', '::ffff:10.0.0.1', '[::1]:80') },
)
