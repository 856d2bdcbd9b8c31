import type { Field } from 'payload'
import { label } from '../../../core/labels.js'
import { SITE_FIELD } from '../../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { resolveArticleLinksOnRead } from '../hooks/resolveArticleLinks.js'

/**
 * `bodyHtml`: the body rendered to safe HTML on save (articles and pages alike), its links to
 * articles completed when read. Its hook reads its own stored value and the document's site
 * (links resolve within it).
 */
export const bodyHtmlField = (options: ResolvedNewsPortalOptions): Field => ({
  name: 'bodyHtml',
  type: 'textarea',
  localized: true,
  admin: { hidden: true },
  hooks: { afterRead: [resolveArticleLinksOnRead(options)] },
  custom: { computedFrom: [SITE_FIELD] },
  label: label('Nội dung HTML', 'Body HTML'),
})
