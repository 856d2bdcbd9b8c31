'use client'
// `payload-plugin-news-portal/client`: the admin's client components, referenced by import-map paths.
export { SlugField } from '../admin/SlugField.js'
export { RatingCell, ViewsCell } from '../admin/ListCells.js'
export { RecomputeRatingsButton } from '../admin/RecomputeRatingsButton.js'
export { SiteSelectorClient } from '../admin/SiteSelectorClient.js'
