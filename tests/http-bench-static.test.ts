import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'

// The bench's trivial route handler (app/(payload)/api/bench-static) must not exist in a real deployment.
describe('/api/bench-static', () => {
  afterEach(() => vi.unstubAllEnvs())

  test('is 404 unless BENCH_STATIC_FILE is set', async () => {
    vi.stubEnv('BENCH_STATIC_FILE', '')
    vi.resetModules()
    const { GET, POST } = await import('../app/(payload)/api/bench-static/route.js')
    expect(GET().status).toBe(404)
    expect(POST().status).toBe(404)
  })

  test('answers the bytes of the file BENCH_STATIC_FILE names, as JSON', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-static-')), 'page.json')
    fs.writeFileSync(file, '{"data":{"ArticlePage":null}}')
    vi.stubEnv('BENCH_STATIC_FILE', file)
    vi.resetModules()
    const { GET } = await import('../app/(payload)/api/bench-static/route.js')
    const response = GET()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.text()).toBe('{"data":{"ArticlePage":null}}')
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  })
})
