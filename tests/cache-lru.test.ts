import { describe, expect, test } from 'vitest'
import { BoundedLru } from '../features/cache/lru.js'
import { publicCacheOptions, resolveOptions } from '../plugin/options.js'

describe('the LRU stays within its bounds', () => {
  test('100,000 distinct keys: never more than maxEntries entries nor maxBytes bytes', () => {
    const lru = new BoundedLru<number>(1_000, 256 * 1024)
    let largestSize = 0
    let largestBytes = 0
    // Small answers first (the entry bound evicts), then large ones (the byte bound evicts).
    for (let index = 0; index < 100_000; index++) {
      lru.set(`key-${index}`, index, index < 50_000 ? 10 : 1_500 + (index % 100))
      largestSize = Math.max(largestSize, lru.size)
      largestBytes = Math.max(largestBytes, lru.bytes)
      if (lru.size > 1_000 || lru.bytes > 256 * 1024) throw new Error(`over the bounds at ${index}`)
    }
    expect(largestSize).toBe(1_000)
    expect(largestBytes).toBeGreaterThan(256 * 1024 - 1_700)
    expect(lru.size).toBeLessThan(200)
    expect(lru.get('key-99999')).toBe(99_999)
    expect(lru.get('key-0')).toBeUndefined()
  })

  test('the least recently used entry goes first; a value over the whole budget is not kept', () => {
    const lru = new BoundedLru<string>(2, 1_000)
    lru.set('a', 'A', 10)
    lru.set('b', 'B', 10)
    expect(lru.get('a')).toBe('A')
    lru.set('c', 'C', 10)
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['A', undefined, 'C'])
    lru.set('huge', 'H', 1_000)
    expect(lru.get('huge')).toBeUndefined()
    expect(lru.size).toBe(2)
    // Each entry weighs its bytes and its key (two bytes a character).
    expect(lru.bytes).toBe(2 * (10 + 2))
  })
})

describe('the switch and the defaults', () => {
  test('defaults: 5,000 entries, 64 MiB, 300 s, counters 5 s, the signal read every 250 ms', () => {
    expect(resolveOptions({}).publicCache).toEqual({
      maxEntries: 5_000,
      maxBytes: 64 * 1024 * 1024,
      ttlSeconds: 300,
      counterTtlSeconds: 5,
      pollIntervalMs: 250,
    })
  })

  test('publicCache: false or PUBLIC_CACHE=false turns it off', () => {
    expect(publicCacheOptions(false, undefined)).toBe(false)
    expect(publicCacheOptions({ maxEntries: 10 }, 'false')).toBe(false)
    expect(publicCacheOptions({ maxEntries: 10 }, 'true')).toMatchObject({ maxEntries: 10 })
  })

  test('counters are kept at most 5 s (a CDN may add 5 s: readers see them at most 10 s old)', () => {
    expect(publicCacheOptions({ counterTtlSeconds: 5 }, undefined)).toMatchObject({
      counterTtlSeconds: 5,
    })
    expect(() => publicCacheOptions({ counterTtlSeconds: 6 }, undefined)).toThrow(
      'publicCache.counterTtlSeconds',
    )
  })

  test('a bound that is not a whole positive number is refused, naming it', () => {
    expect(() => publicCacheOptions({ maxBytes: -1 }, undefined)).toThrow(
      'newsPortalPlugin: publicCache.maxBytes must be a whole number of at least 1; got -1.',
    )
  })
})
