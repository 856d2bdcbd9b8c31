import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** The folders that make up the installable package (tsconfig.build.json compiles exactly these). */
const packageFolders = ['plugin', 'collections', 'core', 'features', 'admin']

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name)
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative)
    return /\.tsx?$/.test(name) ? [relative] : []
  })
}

/** The unit a file belongs to: its top-level folder, or `features/<name>` for a feature. */
function unitOf(file: string): string {
  const parts = file.split(path.sep)
  return parts[0] === 'features' ? `features/${parts[1]}` : parts[0]
}

function relativeImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8')
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(
    (match) => match[1],
  )
  return specifiers.map((specifier) => path.normalize(path.join(path.dirname(file), specifier)))
}

const files = packageFolders.flatMap(sourceFiles)
const edges = new Map<string, Set<string>>()
for (const file of files) {
  for (const target of relativeImports(file)) {
    const from = unitOf(file)
    const to = unitOf(target)
    if (from === to) continue
    if (!edges.has(from)) edges.set(from, new Set())
    edges.get(from)!.add(to)
  }
}

describe('package layout', () => {
  it('no folder of the package imports the demo app, the tests or anything outside the package', () => {
    const outside = files.flatMap((file) =>
      relativeImports(file)
        .filter((target) => !packageFolders.includes(target.split(path.sep)[0]))
        .map((target) => `${file} → ${target}`),
    )
    expect(outside).toEqual([])
  })

  it('dependence goes one way: no folder imports a folder that imports it back, directly or not', () => {
    const cycles: string[] = []
    const reach = (start: string, node: string, trail: string[], seen: Set<string>) => {
      for (const next of edges.get(node) ?? []) {
        if (next === start) cycles.push([...trail, next].join(' → '))
        else if (!seen.has(next)) {
          seen.add(next)
          reach(start, next, [...trail, next], seen)
        }
      }
    }
    for (const unit of edges.keys()) reach(unit, unit, [unit], new Set())
    expect(cycles).toEqual([])
  })

  it('core imports nothing else of the package; only plugin/ imports collections/', () => {
    expect([...(edges.get('core') ?? [])]).toEqual([])
    const intoCollections = [...edges].filter(
      ([from, to]) => to.has('collections') && from !== 'plugin',
    )
    expect(intoCollections.map(([from]) => from)).toEqual([])
  })
})
