// The throwaway Payload site of `npm run test:package`: every file a new user writes, nothing of ours but the two tarballs.
import fs from 'node:fs'
import path from 'node:path'

/** The site's own packages, at the exact versions this repository's lock file installs. */
const sitePackages = [
  'payload',
  'next',
  'react',
  'react-dom',
  'graphql',
  '@payloadcms/next',
  '@payloadcms/ui',
  '@payloadcms/richtext-lexical',
  '@payloadcms/db-sqlite',
]
// `next build` type-checks a TypeScript app and would try to install these itself when they are missing.
const siteDevPackages = ['typescript', '@types/node', '@types/react', '@types/react-dom']

/** The version of each package in this repository's package-lock.json. */
export function lockedVersions(lockFile, names) {
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'))
  return Object.fromEntries(
    names.map((name) => {
      const version = lock.packages[`node_modules/${name}`]?.version
      if (!version) throw new Error(`${name} is not in ${lockFile}`)
      return [name, version]
    }),
  )
}

const payloadConfig = `import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { newsPortalPlugin } from 'payload-plugin-news-portal'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || '',
  admin: { user: 'users', importMap: { baseDir: dirname } },
  collections: [
    {
      slug: 'users',
      auth: true,
      admin: { useAsTitle: 'email' },
      fields: [
        {
          name: 'roles',
          type: 'select',
          hasMany: true,
          required: true,
          saveToJWT: true,
          defaultValue: ['editor'],
          options: ['admin', 'editor'],
        },
      ],
    },
  ],
  // As the plugin's README shows it; the SDK's queries pass a \`locale\`, which only a localized site's schema accepts.
  localization: { locales: ['vi', 'en'], defaultLocale: 'vi', fallback: true },
  editor: lexicalEditor(),
  db: sqliteAdapter({
    client: { url: process.env.DATABASE_URL || '' },
    migrationDir: path.join(dirname, 'migrations'),
  }),
  plugins: [newsPortalPlugin()],
  typescript: { autoGenerate: false },
  telemetry: false,
})
`

const layout = `import config from '@payload-config'
import '@payloadcms/next/css'
import type { ServerFunctionClient } from 'payload'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import React from 'react'

import { importMap } from './admin/importMap.js'
import './custom.scss'

type Args = { children: React.ReactNode }

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  return handleServerFunctions({ ...args, config, importMap })
}

const Layout = ({ children }: Args) => (
  <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
    {children}
  </RootLayout>
)

export default Layout
`

/** The admin's catch-all page and its not-found page differ only in the view they render. */
const adminView = (view) => `import type { Metadata } from 'next'
import config from '@payload-config'
import { generatePageMetadata, ${view} } from '@payloadcms/next/views'
import { importMap } from '../importMap.js'

type Args = {
  params: Promise<{ segments: string[] }>
  searchParams: Promise<{ [key: string]: string | string[] }>
}

export const generateMetadata = ({ params, searchParams }: Args): Promise<Metadata> =>
  generatePageMetadata({ config, params, searchParams })

const View = ({ params, searchParams }: Args) => ${view}({ config, params, searchParams, importMap })

export default View
`

const restRoute = `import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

export const GET = REST_GET(config)
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
`

const graphqlRoute = `import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

export const POST = GRAPHQL_POST(config)
export const OPTIONS = REST_OPTIONS(config)
`

const nextConfig = `import { withPayload } from '@payloadcms/next/withPayload'

export default withPayload({
  reactStrictMode: true,
  // Built once and thrown away: writing Turbopack's build cache would only cost time.
  experimental: { turbopackFileSystemCacheForBuild: false },
})
`

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['DOM', 'DOM.Iterable', 'ES2022'],
    allowJs: true,
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    incremental: true,
    plugins: [{ name: 'next' }],
    paths: { '@payload-config': ['./payload.config.ts'] },
  },
  include: [
    'next-env.d.ts',
    '**/*.ts',
    '**/*.tsx',
    '.next/types/**/*.ts',
    '.next/dev/types/**/*.ts',
  ],
  exclude: ['node_modules'],
}

/** Writes the site into `dir`: package.json with the tarballs as `file:` dependencies, config and app routes. */
export function writeThrowawayApp(dir, { lockFile, pluginTarball, sdkTarball, sdkReader }) {
  const files = {
    'package.json': `${JSON.stringify(
      {
        name: 'news-portal-package-check',
        private: true,
        type: 'module',
        dependencies: {
          ...lockedVersions(lockFile, sitePackages),
          'payload-plugin-news-portal': `file:${pluginTarball}`,
          'news-portal-sdk': `file:${sdkTarball}`,
        },
        devDependencies: lockedVersions(lockFile, siteDevPackages),
      },
      null,
      2,
    )}\n`,
    'payload.config.ts': payloadConfig,
    'next.config.mjs': nextConfig,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    'app/(payload)/layout.tsx': layout,
    'app/(payload)/custom.scss': "/* The site's admin styles. */\n",
    // `payload generate:importmap` fills it in.
    'app/(payload)/admin/importMap.js': 'export const importMap = {}\n',
    'app/(payload)/admin/[[...segments]]/page.tsx': adminView('RootPage'),
    'app/(payload)/admin/[[...segments]]/not-found.tsx': adminView('NotFoundPage'),
    'app/(payload)/api/[...slug]/route.ts': restRoute,
    'app/(payload)/api/graphql/route.ts': graphqlRoute,
    'read-article.mjs': fs.readFileSync(sdkReader, 'utf8'),
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
}
