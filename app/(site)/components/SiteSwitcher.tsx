import { SITE_PARAM } from '../lib/sites.js'

/** Development only: `?site=<slug>` shows another site of the deployment (the proxy keeps it in a cookie). */
export function SiteSwitcher({ current, label }: { current: string; label: string }) {
  return (
    <form method="get" action="/" className="site-switcher container">
      <label htmlFor="site-switcher">{label}</label>
      <input id="site-switcher" name={SITE_PARAM} defaultValue={current} list="known-sites" />
      <datalist id="known-sites">
        <option value="than-uyen" />
        <option value="xa-muong-kim" />
        <option value="xa-pha-mu" />
      </datalist>
      <button type="submit">OK</button>
    </form>
  )
}
