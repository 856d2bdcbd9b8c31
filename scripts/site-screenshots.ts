/**
 * `npm run screenshots`: each portal page at 375 and 1440 px into docs/site/. Shoots BASE_URL when
 * set, else the production build (`npm run build` first) on a freshly seeded database.
 */
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumOptions } from '../tests/e2e/server.js'
import { portalUnderTest, SEED_ARTICLE_PATH, warm } from '../bench/siteApp.js'

const PAGES: Record<string, string> = {
  home: '/',
  list: '/tin-tuc-su-kien',
  'list-page-2': '/tin-tuc-su-kien?trang=2',
  article: SEED_ARTICLE_PATH,
  print: `${SEED_ARTICLE_PATH}/in`,
  search: '/tim-kiem?q=hoi+thao',
  'not-found': '/khong-co-trang-nay',
  'home-en': '/en',
}
const WIDTHS = [375, 1440]
const out = path.resolve(import.meta.dirname, '..', 'docs', 'site')

const portal = await portalUnderTest()
const browser = await chromium.launch(chromiumOptions())
try {
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    for (const [name, address] of Object.entries(PAGES)) {
      await warm(`${portal.url}${address}`)
      await page.goto(`${portal.url}${address}`, { waitUntil: 'networkidle' })
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: path.join(out, `${name}-${width}.png`), fullPage: true })
      console.log(`docs/site/${name}-${width}.png`)
    }
    await page.close()
  }
} finally {
  await browser.close()
  await portal.stop()
}
