import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type CollectionConfig, type SanitizedConfig } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { vi } from '@payloadcms/translations/languages/vi'
import { en } from '@payloadcms/translations/languages/en'
import sharp from 'sharp'
import { newsPortalPlugin, type NewsPortalPluginConfig } from '../plugin/index.js'
import { Users } from './Users.js'
import { chooseDatabase, databaseAdapter, dataDir as defaultDataDir } from './database.js'
import { resolveSecret } from './secret.js'
import { pluginOptionsFromEnv } from './pluginEnv.js'

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface AppConfigOptions {
  /** Database URL; defaults to `DATABASE_URL`. */
  databaseUrl?: string
  /** Folder for the development secret and uploads; defaults to `./data`. */
  dataDir?: string
  /** Runs after Payload starts (the demo seeds an empty database here). */
  onInit?: NonNullable<Parameters<typeof buildConfig>[0]['onInit']>
  /** Extra plugin options (tests use them). */
  plugin?: NewsPortalPluginConfig
  /** Collections of the site besides `users` (tests add a second auth collection). */
  collections?: CollectionConfig[]
  /** Runs the portal's scheduled jobs (session pruning, dossier sync) in this process every minute. Default: on, except under tests. */
  autoRunJobs?: boolean
}

/** The demo app's Payload config: the news-portal plugin on the database named by `DATABASE_URL`. */
export function buildAppConfig(options: AppConfigOptions = {}): Promise<SanitizedConfig> {
  const dataDir = options.dataDir ?? defaultDataDir
  const database = chooseDatabase(options.databaseUrl ?? process.env.DATABASE_URL)
  return buildConfig({
    serverURL: process.env.SERVER_URL ?? '',
    secret: resolveSecret(dataDir),
    admin: {
      user: Users.slug,
      importMap: { baseDir: rootDir },
      meta: { titleSuffix: ' · News portal' },
      // No gravatar: the admin makes no requests to third parties.
      avatar: 'default',
      dateFormat: 'dd/MM/yyyy HH:mm',
      timezones: { defaultTimezone: options.plugin?.timeZone ?? 'Asia/Ho_Chi_Minh' },
    },
    i18n: { supportedLanguages: { vi, en }, fallbackLanguage: 'vi' },
    localization: {
      locales: [
        { code: 'vi', label: 'Tiếng Việt' },
        { code: 'en', label: 'English' },
      ],
      defaultLocale: 'vi',
      fallback: true,
    },
    collections: [Users, ...(options.collections ?? [])],
    editor: lexicalEditor(),
    db: databaseAdapter(database),
    sharp,
    plugins: [
      newsPortalPlugin({
        ...pluginOptionsFromEnv(),
        ...options.plugin,
        mediaOverrides: {
          upload: { staticDir: path.join(dataDir, 'media') },
          ...options.plugin?.mediaOverrides,
        },
      }),
    ],
    // Types stay generic: the plugin serves any adapter (numeric or string ids). `npm run generate:types` writes them on demand.
    typescript: { autoGenerate: false, outputFile: path.join(rootDir, 'payload-types.ts') },
    graphQL: { schemaOutputFile: path.join(rootDir, 'sdk', 'schema.graphql') },
    telemetry: false,
    jobs:
      (options.autoRunJobs ?? process.env.NODE_ENV !== 'test')
        ? { autoRun: [{ cron: '* * * * *', queue: 'news-portal' }] }
        : {},
    onInit: options.onInit,
  })
}
