'use client'
import { useSyncExternalStore } from 'react'
import { useTranslation } from '@payloadcms/ui'
import { ADMIN_SITE_COOKIE } from '../core/constants.js'
import { label } from '../core/labels.js'

/** A site the user may pick: its id (as the cookie stores it) and name. */
export interface SiteChoice {
  id: string
  name: string
}

const texts = {
  heading: label('Trang đang làm việc', 'Working on'),
  everySite: label('Tất cả các trang', 'All sites'),
  allMine: label('Tất cả trang của tôi', 'All my sites'),
}

/** The cookie's value in this browser ('' when unset). */
function chosenInBrowser(): string {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === ADMIN_SITE_COOKIE) return decodeURIComponent(value.join('='))
  }
  return ''
}

// The cookie changes only through this component, which reloads the page: nothing to subscribe to.
const unchanging = () => () => {}

/** Remembers the choice for a year ('' = every site: the cookie is removed) and shows the admin again. */
function choose(id: string) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : ''
  const lifetime = id ? 60 * 60 * 24 * 365 : 0
  document.cookie = `${ADMIN_SITE_COOKIE}=${encodeURIComponent(id)}; Path=/; Max-Age=${lifetime}; SameSite=Lax${secure}`
  window.location.reload()
}

/**
 * The admin's site selector: which site the lists show and new documents go to. The server checks
 * the choice on every request, so a site that is not in `sites` shows (and acts) as every site.
 */
export function SiteSelectorClient({
  sites,
  everySite,
}: {
  sites: SiteChoice[]
  everySite: boolean
}) {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'vi'
  const cookie = useSyncExternalStore(unchanging, chosenInBrowser, () => '')
  const value = sites.some((site) => site.id === cookie) ? cookie : ''
  return (
    <div data-news-portal="site-selector" style={{ width: '100%', marginBottom: 16 }}>
      <label
        htmlFor="news-portal-site-selector"
        style={{ display: 'block', marginBottom: 4, fontWeight: 600 }}
      >
        {texts.heading[language]}
      </label>
      <select
        id="news-portal-site-selector"
        value={value}
        onChange={(event) => choose(event.target.value)}
        style={{
          width: '100%',
          padding: '6px 8px',
          border: '1px solid var(--theme-elevation-150)',
          borderRadius: 4,
          background: 'var(--theme-input-bg)',
          color: 'var(--theme-text)',
          font: 'inherit',
        }}
      >
        <option value="">{(everySite ? texts.everySite : texts.allMine)[language]}</option>
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </select>
    </div>
  )
}
