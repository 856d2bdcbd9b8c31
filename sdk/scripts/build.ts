import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { build } from 'esbuild'
import { sdkDir } from './codegen'

// `npm run build -w sdk`: dist/esm (import) and dist/cjs (require), each a bundle of src/ with its declarations.
// `-- --outdir=<dir>` builds elsewhere, so a test can build without racing another over sdk/dist.
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length)
const dist = outdir ? path.resolve(outdir) : path.join(sdkDir, 'dist')
fs.rmSync(dist, { recursive: true, force: true })

const shared = {
  entryPoints: [path.join(sdkDir, 'src', 'index.ts')],
  bundle: true,
  // The only runtime dependencies: the consumer's copies, never bundled in.
  external: ['graphql-request', 'graphql'],
  platform: 'neutral' as const,
  target: 'es2020',
  sourcemap: true,
  logLevel: 'warning' as const,
}
await build({ ...shared, format: 'esm', outfile: path.join(dist, 'esm', 'index.js') })
await build({
  ...shared,
  format: 'cjs',
  outfile: path.join(dist, 'cjs', 'index.js'),
  mainFields: ['main', 'module'],
})
// The nested package.json makes Node and TypeScript read dist/cjs as CommonJS.
fs.writeFileSync(
  path.join(dist, 'cjs', 'package.json'),
  `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`,
)

const tsc = path.join(
  path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
  'bin',
  'tsc',
)
execFileSync(
  process.execPath,
  [tsc, '-p', path.join(sdkDir, 'tsconfig.build.json'), '--outDir', path.join(dist, 'types')],
  { stdio: 'inherit' },
)
for (const file of fs.readdirSync(path.join(dist, 'types'), {
  recursive: true,
  encoding: 'utf8',
})) {
  if (!file.endsWith('.d.ts')) continue
  for (const flavour of ['esm', 'cjs']) {
    const target = path.join(dist, flavour, file)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(path.join(dist, 'types', file), target)
  }
}
fs.rmSync(path.join(dist, 'types'), { recursive: true, force: true })
console.info(
  `Built ${path.relative(process.cwd(), dist)}: esm/index.js, cjs/index.js and their declarations.`,
)
