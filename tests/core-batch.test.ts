import { describe, expect, it } from 'vitest'
import { coalesce, perRequest, tickLoader } from '../core/batch.js'

describe('coalesce (the group commit of counters and votes)', () => {
  it('merges the calls of one turn per key into one flush, and answers each caller with its key’s result', async () => {
    const flushes: Array<[string, number[]]> = []
    const add = coalesce<number, number>(async (key, items) => {
      flushes.push([key, items])
      return items.reduce((sum, item) => sum + item, 0)
    })
    const answers = await Promise.all([add('a', 1), add('b', 10), add('a', 2), add('a', 3)])
    expect(answers).toEqual([6, 10, 6, 6])
    expect(flushes).toEqual([
      ['a', [1, 2, 3]],
      ['b', [10]],
    ])
    // A later turn is a new batch.
    expect(await add('a', 4)).toBe(4)
    expect(flushes).toHaveLength(3)
  })

  it('answers no caller before every flush of the batch settled and afterBatch ran; a failed key rejects only its callers', async () => {
    const events: string[] = []
    let release!: () => void
    const slow = new Promise<void>((resolve) => (release = resolve))
    const add = coalesce<void, string>(
      async (key) => {
        if (key === 'slow') await slow
        if (key === 'bad') throw new Error('disk full')
        events.push(`stored ${key}`)
        return key
      },
      { afterBatch: () => events.push('afterBatch') },
    )
    const fast = add('fast', undefined).then((value) => events.push(`answered ${value}`))
    const bad = add('bad', undefined).catch((error: Error) =>
      events.push(`refused ${error.message}`),
    )
    const late = add('slow', undefined).then((value) => events.push(`answered ${value}`))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(events).toEqual(['stored fast'])
    release()
    await Promise.all([fast, bad, late])
    expect(events.slice(0, 3)).toEqual(['stored fast', 'stored slow', 'afterBatch'])
    expect(events.slice(3).sort()).toEqual(['answered fast', 'answered slow', 'refused disk full'])
  })
})

describe('tickLoader and perRequest (the per-request read loaders)', () => {
  it('one batch per request and turn; a cached loader asks for each key once per request', async () => {
    const batches: string[][] = []
    const loaderOf = perRequest(() =>
      tickLoader<string, string>(
        async (keys) => {
          batches.push([...keys])
          return keys.map((key) => key.toUpperCase())
        },
        { cache: true },
      ),
    )
    const req = { context: {} } as never
    const other = { context: {} } as never
    const first = await Promise.all(['a', 'b', 'a'].map((key) => loaderOf(req).load(key)))
    expect(first).toEqual(['A', 'B', 'A'])
    expect(await loaderOf(req).load('a')).toBe('A')
    expect(await loaderOf(other).load('a')).toBe('A')
    expect(batches).toEqual([['a', 'b'], ['a']])
  })
})
