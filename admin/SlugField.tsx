'use client'
import type { TextFieldClientProps } from 'payload'
import { TextField, useFormFields } from '@payloadcms/ui'
import { slugify } from '../core/slugify.js'

/**
 * The slug input, showing as its placeholder the slug the server will make from the title while
 * the editor types (the server still decides on save, adding `-2` when the slug is taken).
 */
export function SlugField(props: TextFieldClientProps & { sourceField?: string }) {
  const { sourceField = 'title', ...fieldProps } = props
  const source = useFormFields(([fields]) => fields[sourceField]?.value)
  const preview = typeof source === 'string' ? slugify(source) : ''
  const field = {
    ...fieldProps.field,
    admin: {
      ...fieldProps.field.admin,
      placeholder: preview || fieldProps.field.admin?.placeholder,
    },
  }
  return (
    <div data-news-portal="slug-field">
      <TextField {...fieldProps} field={field} />
    </div>
  )
}
