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

/** Remembers the choice for a year ('' = every site: the cookie is removed) and shows the admin again. */
function choose(id: string) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : ''
  const lifetime = id ? 60 * 60 * 24 * 365 : 0
  document.cookie = `${ADMIN_SITE_COOKIE}=${encodeURIComponent(id)}; Path=/; Max-Age=${lifetime}; SameSite=Lax${secure}`
  window.location.reload()
}

const noSubscription = () => () => {}

/**
 * The admin's site selector, in the header: which site the lists show and new documents go to.
 * `chosen` is what the server made of the cookie ('' = every site the user may pick).
 */
export function SiteSelectorClient({
  sites,
  everySite,
  chosen,
}: {
  sites: SiteChoice[]
  everySite: boolean
  chosen: string
}) {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'vi'
  // Until React has taken over the server's HTML a choice would be lost: the select waits.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  return (
    <div
      data-news-portal="site-selector"
      style={{ display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}
    >
      <label htmlFor="news-portal-site-selector">{texts.heading[language]}</label>
      <select
        id="news-portal-site-selector"
        value={chosen}
        disabled={!hydrated}
        onChange={(event) => choose(event.target.value)}
        style={{
          maxWidth: 280,
          padding: '4px 8px',
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
