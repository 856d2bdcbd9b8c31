// `payload-plugin-news-portal/rsc`: the admin's server components, referenced by import-map paths.
export { CountersDashboard } from '../admin/CountersDashboard.js'
export { SiteSelector } from '../admin/SiteSelector.js'
