/** One `<item>` of an RSS 2.0 channel. */
export interface RssItem {
  title: string
  link: string
  description?: string | null
  pubDate: Date
  /** Author names (written as `dc:creator`: RSS's own `<author>` must be an e-mail address). */
  authors: string[]
  categories: string[]
}

export interface RssChannel {
  title: string
  link: string
  description: string
  /** The feed's own URL (`atom:link rel="self"`). */
  selfUrl: string
  language?: string
  items: RssItem[]
}

// XML 1.0 forbids these characters even when escaped; a stray one would make the whole feed unreadable.
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text for XML content and attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const element = (name: string, value: string | null | undefined, attributes = '') =>
  value ? `<${name}${attributes}>${escapeXml(value)}</${name}>` : ''

/** An RSS 2.0 document (UTF-8) for a channel; dates in RFC 822 form, as RSS requires. */
export function renderRss(channel: RssChannel): string {
  const items = channel.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.link),
      element('guid', item.link, ' isPermaLink="true"'),
      element('description', item.description),
      element('pubDate', item.pubDate.toUTCString()),
      ...item.authors.map((name) => element('dc:creator', name)),
      ...item.categories.map((name) => element('category', name)),
      '</item>',
    ].join(''),
  )
  const lastBuildDate = channel.items[0]?.pubDate
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    element('language', channel.language),
    lastBuildDate ? element('lastBuildDate', lastBuildDate.toUTCString()) : '',
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
