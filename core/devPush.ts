import type { Config } from 'payload'

type DrizzleLike = { all: (query: unknown) => Promise<Array<Record<string, unknown>>> }
type Kit = { pushSchema: (schema: unknown, drizzle: DrizzleLike, ...rest: unknown[]) => unknown }
type SqlAdapter = { name: string; tablesFilter?: string[]; requireDrizzleKit?: () => Kit }

const ours = (prefix: string) => (row: Record<string, unknown>) =>
  ['tableName', 'name', 'tbl_name'].some(
    (key) => typeof row[key] === 'string' && (row[key] as string).startsWith(prefix),
  )

/**
 * Development's schema push compares the database with Payload's schema and would drop the tables
 * it does not know: the plugin's own raw tables (the search index, the category lists) are hidden
 * from it by the prefix of their names (PostgreSQL: `tablesFilter`; SQLite, whose push takes no
 * filter: its introspection reads skip our rows). Migrations never see them.
 */
export const hideTablesFromPush =
  (prefix: string) =>
  (config: Config): Config => {
    if (!config.db) return config
    const isOurs = ours(prefix)
    const init = config.db.init
    const db = {
      ...config.db,
      init: (args: Parameters<typeof init>[0]) => {
        const adapter = init(args) as unknown as SqlAdapter
        if (adapter.name === 'postgres')
          adapter.tablesFilter = [...(adapter.tablesFilter ?? []), `!${prefix}*`]
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
                            (await target.all(query)).filter((row) => !isOurs(row))
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
