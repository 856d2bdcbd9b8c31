import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '..')
const require = createRequire(import.meta.url)
// Its own output folder: tests/sdk-package.test.ts rebuilds sdk/dist at the same time.
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-dual-'))

/** Runs a script in one plain Node process that loads the ESM and the CommonJS build side by side. */
const inOneProcess = (body: string) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module'
         const esm = await import(${JSON.stringify(new URL(`file://${out}/esm/index.js`).href)})
         const cjs = createRequire(${JSON.stringify(`${out}/`)})('./cjs/index.js')
         ${body}`,
      ],
      { cwd: out, encoding: 'utf8', stdio: 'pipe' },
    ),
  )

describe('an app that loads both the ESM and the CommonJS build of the SDK', () => {
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        path.join(root, 'sdk', 'scripts', 'build.ts'),
        `--outdir=${out}`,
      ],
      { cwd: root, stdio: 'pipe' },
    )
    // The builds import graphql-request by name: resolve it from this repository's node_modules.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'), 'dir')
  }, 120_000)

  afterAll(() => {
    fs.rmSync(path.join(out, 'node_modules'), { force: true })
    fs.rmSync(out, { recursive: true, force: true })
  })

  it("recognises a failure of one build with the other's isPortalError, though instanceof cannot", () => {
    const result = inOneProcess(`
      const failing = {
        endpoint: 'http://portal.invalid/api/graphql',
        retries: 0,
        fetch: async () => { throw new TypeError('fetch failed') },
      }
      const fromEsm = await esm.createPortalClient(failing).widgets.visitors().catch((error) => error)
      const fromCjs = await cjs.createPortalClient(failing).widgets.visitors().catch((error) => error)
      console.log(JSON.stringify({
        twoClasses: esm.PortalError !== cjs.PortalError,
        codes: [fromEsm.code, fromCjs.code],
        instanceofAcross: [fromEsm instanceof cjs.PortalError, fromCjs instanceof esm.PortalError],
        isPortalErrorAcross: [cjs.isPortalError(fromEsm), esm.isPortalError(fromCjs)],
        isPortalErrorOwn: [esm.isPortalError(fromEsm), cjs.isPortalError(fromCjs)],
        constructedAcross: [
          cjs.isPortalError(new esm.PortalError('ALREADY_RATED', 'Rated already.')),
          esm.isPortalError(new cjs.PortalError('ALREADY_RATED', 'Rated already.')),
        ],
      }))
    `)
    expect(result).toEqual({
      twoClasses: true,
      codes: ['NETWORK', 'NETWORK'],
      instanceofAcross: [false, false],
      isPortalErrorAcross: [true, true],
      isPortalErrorOwn: [true, true],
      constructedAcross: [true, true],
    })
  })

  it('still refuses what is not a PortalError', () => {
    const result = inOneProcess(`
      const others = [
        null,
        undefined,
        'PortalError',
        42,
        new Error('fetch failed'),
        new TypeError('bad'),
        { name: 'PortalError' },
        { name: 'PortalError', code: 'NETWORK' },
        { name: 'PortalError', code: 7, message: 'x' },
        { name: 'Error', code: 'NETWORK', message: 'x' },
        Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
      ]
      console.log(JSON.stringify([others.map(esm.isPortalError), others.map(cjs.isPortalError)]))
    `)
    const none = Array.from({ length: 11 }, () => false)
    expect(result).toEqual([none, none])
  })
})
