import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import { generatedFile, generateTypes } from '../sdk/scripts/codegen.js'

const root = path.resolve(__dirname, '..')
const sdk = path.join(root, 'sdk')
const require = createRequire(import.meta.url)
const run = (args: string[], cwd = root) =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: 'pipe' })

describe('news-portal-sdk types', () => {
  it('src/generated/graphql.ts is what the schema and operations produce (run `npm run generate -w sdk` when this fails)', async () => {
    const content = await generateTypes()
    const committed = fs.existsSync(generatedFile) ? fs.readFileSync(generatedFile, 'utf8') : ''
    if (committed !== content) {
      expect.fail(
        'sdk/src/generated/graphql.ts is out of date: run `npm run generate -w sdk` (after `npm run generate:schema`) and commit it.',
      )
    }
    expect(committed).toBe(content)
  })
})

describe('the built package', () => {
  beforeAll(() => {
    run([require.resolve('tsx/cli'), path.join(sdk, 'scripts', 'build.ts')])
  }, 120_000)

  it('type-checks as ESM and as CommonJS for a consumer (NodeNext resolution)', () => {
    const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc')
    expect(() => run([tsc, '-p', path.join(sdk, 'test-d', 'tsconfig.json')])).not.toThrow()
  })

  it('loads through its exports map with import and with require', () => {
    const imported = run(
      [
        '--input-type=module',
        '-e',
        "import { formatCount, createPortalClient } from 'news-portal-sdk'; console.log(formatCount(16917328), typeof createPortalClient)",
      ],
      sdk,
    )
    const required = run(
      [
        '-e',
        "const { ratingLine, PortalError } = require('news-portal-sdk'); console.log(ratingLine({ total: 0, count: 0 }), typeof PortalError)",
      ],
      sdk,
    )
    expect(imported.trim()).toBe('16.917.328 function')
    expect(required.trim()).toBe('Tổng số điểm của bài viết là: 0 trong 0 đánh giá function')
  })

  it('bundles for the browser with no Node built-in anywhere in its graph', async () => {
    const { build } = await import('esbuild')
    const result = await build({
      entryPoints: [path.join(sdk, 'dist', 'esm', 'index.js')],
      bundle: true,
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((input) => input.includes('graphql-request'))).toBe(true)
    expect(
      inputs.filter(
        (input) =>
          input.startsWith('node:') || /^(fs|path|http|https|crypto|stream|buffer)$/.test(input),
      ),
    ).toEqual([])
  })

  it('declares only graphql-request 7 and graphql 16 as runtime dependencies, with no side effects', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(sdk, 'package.json'), 'utf8'))
    expect(manifest.dependencies).toEqual({ graphql: '16.15.0', 'graphql-request': '7.4.0' })
    expect(manifest.sideEffects).toBe(false)
    const bundle = fs.readFileSync(path.join(sdk, 'dist', 'esm', 'index.js'), 'utf8')
    expect([...bundle.matchAll(/from ["']([^"'.][^"']*)["']/g)].map((m) => m[1]).sort()).toEqual([
      'graphql-request',
    ])
  })
})
