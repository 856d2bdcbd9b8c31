import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/*
 * `npm run bench:sdk-bundle`: what news-portal-sdk costs in a browser bundle. Bundles, minifies
 * and gzips with esbuild, in the same run: (a) graphql-request + graphql alone, making one request;
 * (b) a typical page: `createPortalClient` + `articles.page`; (c) every export of the SDK.
 * Target: (b) adds at most 6 KB gzipped to (a).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const sdkEntry = path.join(root, 'sdk', 'src', 'index.ts')

async function measure(name: string, contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    alias: { 'news-portal-sdk': sdkEntry },
    logLevel: 'error',
  })
  const code = result.outputFiles[0].contents
  return { name, raw: code.length, gzip: gzipSync(code, { level: 9 }).length }
}

const baseline = await measure(
  'graphql-request + graphql alone',
  `import { GraphQLClient } from 'graphql-request'
   new GraphQLClient('/api/graphql').request('query P($slug: String!) { ArticlePage(slug: $slug) { article { title } } }', { slug: 'x' }).then(console.log)`,
)
const page = await measure(
  'SDK: createPortalClient + articles.page',
  `import { createPortalClient } from 'news-portal-sdk'
   createPortalClient({ endpoint: '/api/graphql' }).articles.page('x').then(console.log)`,
)
const everything = await measure(
  'SDK: every export',
  `import * as sdk from 'news-portal-sdk'; console.log(sdk)`,
)

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`
console.log('bundle                                    minified     gzipped')
for (const row of [baseline, page, everything])
  console.log(`${row.name.padEnd(40)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(11)}`)
const added = page.gzip - baseline.gzip
console.log(
  `\nThe SDK adds ${kb(added)} gzipped to graphql-request + graphql (${(page.gzip / baseline.gzip).toFixed(2)}× the baseline); target ≤ 6.00 KB: ${added <= 6 * 1024 ? 'met' : 'NOT met'}.`,
)
