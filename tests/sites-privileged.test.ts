import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Every privileged read or write of the plugin (an explicit `overrideAccess: true`, a direct
// `payload.db.<method>(` call) skips the access rules that keep sites apart, so each must be
// scoped by site in its own code, or say in a `// site-scope: <why>` comment why it need not be.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const scanned = ['features', 'collections']
/** How many lines either side of a call its scoping may be written on. */
const NEAR = 15
const PRIVILEGED = /overrideAccess:\s*true|payload\.db\.\w+\s*\(/
/** Code that names the site: `site`, `sites`, `siteKey(`, `SITE_FIELD`, `SITES_SLUG`, … */
const NAMES_SITE = /\bsite/i

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name)
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative)
    return /\.tsx?$/.test(name) ? [relative] : []
  })
}

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line)

/** `name:line` of each privileged call with neither site code nor a `site-scope:` note near it. */
function unscopedPrivilegedCalls(files: Array<{ name: string; text: string }>): string[] {
  return files.flatMap(({ name, text }) => {
    const lines = text.split('\n')
    return lines.flatMap((line, index) => {
      if (isComment(line) || !PRIVILEGED.test(line)) return []
      const near = lines.slice(Math.max(0, index - NEAR), index + NEAR + 1)
      const scoped = near.some(
        (other) => other.includes('site-scope:') || (!isComment(other) && NAMES_SITE.test(other)),
      )
      return scoped ? [] : [`${name}:${index + 1}`]
    })
  })
}

describe('privileged reads and writes are scoped by site', () => {
  const files = scanned.flatMap(sourceFiles).map((file) => ({
    name: file.split(path.sep).join('/'),
    text: readFileSync(path.join(root, file), 'utf8'),
  }))

  it('every overrideAccess: true and payload.db call in features/ and collections/ names its site or says why not', () => {
    const unscoped = unscopedPrivilegedCalls(files)
    expect(unscoped).toEqual([])
  })

  it('the check finds an unscoped call, and accepts a site or a site-scope note near it', () => {
    const check = (text: string) => unscopedPrivilegedCalls([{ name: 'probe.ts', text }])
    expect(
      check('await payload.find({\n  collection: "articles",\n  overrideAccess: true,\n})'),
    ).toEqual(['probe.ts:3'])
    expect(check('await req.payload.db.updateOne({ collection: "x", id })')).toEqual(['probe.ts:1'])
    // A comment that mentions the site scopes nothing; only code or a site-scope note does.
    expect(
      check('// the site of the request\nawait payload.db.findOne({ collection: "x" })'),
    ).toEqual(['probe.ts:2'])
    expect(
      check(
        'const where = { site: { equals: site.id } }\nawait payload.find({ where, overrideAccess: true })',
      ),
    ).toEqual([])
    expect(
      check('// site-scope: the site list itself\nawait payload.find({ overrideAccess: true })'),
    ).toEqual([])
    const far = [
      'const where = { site: { equals: 1 } }',
      ...Array(NEAR).fill(''),
      'payload.db.find({})',
    ]
    expect(check(far.join('\n'))).toEqual([`probe.ts:${NEAR + 2}`])
  })
})
