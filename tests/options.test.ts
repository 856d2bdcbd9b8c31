import { describe, expect, it } from 'vitest'
import { resolveOptions } from '../plugin/options.js'

describe('resolveOptions: every feature’s options and defaults in one place', () => {
  it('fills the counters’ defaults and the default time zone', () => {
    const { counters, timeZone } = resolveOptions({})
    expect(timeZone).toBe('Asia/Ho_Chi_Minh')
    expect({ ...counters, now: typeof counters.now, lookup: typeof counters.lookup }).toEqual({
      onlineWindowMinutes: 5,
      sessionIdleMinutes: 30,
      dossierFetchTimeoutMs: 10_000,
      allowedInternalHosts: [],
      lookup: 'function',
      pruneSessionsCron: '0 */10 * * * *',
      dossierSyncCron: '0 * * * * *',
      now: 'function',
    })
  })

  it('refuses an unknown time zone and a counters window that is not positive, naming them', () => {
    expect(() => resolveOptions({ timeZone: 'Asia/Atlantis' })).toThrow(
      'newsPortalPlugin: timeZone "Asia/Atlantis" is not a known IANA time zone.',
    )
    expect(() => resolveOptions({ counters: { sessionIdleMinutes: 0 } })).toThrow(
      'newsPortalPlugin: counters.sessionIdleMinutes must be a positive number.',
    )
  })
})
