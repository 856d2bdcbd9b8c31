import type { Config } from 'payload'
import { SEARCH_TABLE } from './store.js'

type DrizzleLike = { all: (query: unknown) => Promise<Array<Record<string, unknown>>> }
type Kit = { pushSchema: (schema: unknown, drizzle: DrizzleLike, ...rest: unknown[]) => unknown }
type SqlAdapter = { name: string; tablesFilter?: string[]; requireDrizzleKit?: () => Kit }

const ours = (row: Record<string, unknown>) =>
  ['tableName', 'name', 'tbl_name'].some(
    (key) => typeof row[key] === 'string' && (row[key] as string).startsWith(SEARCH_TABLE),
  )

/**
 * Development's schema push compares the database with Payload's schema and would drop the tables
 * it does not know: the search index is hidden from it (PostgreSQL: `tablesFilter`; SQLite, whose
 * push takes no filter: its introspection reads skip our rows). Migrations never see the index.
 */
export function hideSearchTableFromPush(config: Config): Config {
  if (!config.db) return config
  const init = config.db.init
  const db = {
    ...config.db,
    init: (args: Parameters<typeof init>[0]) => {
      const adapter = init(args) as unknown as SqlAdapter
      if (adapter.name === 'postgres')
        adapter.tablesFilter = [...(adapter.tablesFilter ?? []), `!${SEARCH_TABLE}*`]
      const requireKit = adapter.requireDrizzleKit
      if (adapter.name === 'sqlite' && requireKit) {
        adapter.requireDrizzleKit = () => {
          const kit = requireKit()
          return {
            ...kit,
            pushSchema: (schema, drizzle, ...rest) =>
              kit.pushSchema(
                schema,
                new Proxy(drizzle, {
                  get: (target, key, receiver) =>
                    key === 'all'
                      ? async (query: unknown) =>
                          (await target.all(query)).filter((row) => !ours(row))
                      : Reflect.get(target, key, receiver),
                }),
                ...rest,
              ),
          }
        }
      }
      return adapter as unknown as ReturnType<typeof init>
    },
  }
  return { ...config, db }
}
