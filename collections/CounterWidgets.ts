import type { CollectionConfig, Condition, Field, Where } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { editorsOnlyField, editorsWrite } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { populateSlug } from '../features/content/hooks/populateSlug.js'
import { rejectMalformedWhere } from '../features/content/hooks/rejectMalformedWhere.js'
import { groups, label } from '../core/labels.js'
import {
  onTimeRate,
  overdueRate,
  validateCount,
  validatePeriod,
} from '../features/counters/dossier.js'
import { forgetBaseline } from '../features/counters/baseline.js'
import { stampFiguresUpdatedAt } from '../features/counters/hooks.js'
import { COUNTER_WIDGETS_SLUG, WIDGET_KINDS } from '../core/constants.js'
import { validateSourceUrl } from '../features/counters/sourceUrl.js'

const isVisitors: Condition = (data) => data?.kind === WIDGET_KINDS.visitors
const isDossier: Condition = (data) => data?.kind === WIDGET_KINDS.dossierStats
const isUrlSource: Condition = (data) =>
  data?.kind === WIDGET_KINDS.dossierStats && data?.source === 'url'

const count = (name: string, vi: string, en: string, description?: [string, string]): Field => ({
  name,
  type: 'number',
  label: label(vi, en),
  defaultValue: 0,
  min: 0,
  validate: validateCount(name),
  admin: {
    condition: isDossier,
    step: 1,
    ...(description ? { description: label(...description) } : {}),
  },
})

type Figures = { onTime?: number | null; overdue?: number | null }

/** A rate of the panel, computed on read from its figures and never stored. */
const rateField = (
  name: string,
  compute: (figures: Figures) => number | null,
  [vi, en]: [string, string],
  description: [string, string],
): Field => ({
  name,
  type: 'number',
  virtual: true,
  label: label(vi, en),
  admin: {
    condition: isDossier,
    readOnly: true,
    position: 'sidebar',
    description: label(...description),
  },
  hooks: { afterRead: [({ siblingData }) => compute(siblingData ?? {})] },
})

/** Editor-managed widgets of the portal's side column: the visitor counter and the dossier-processing panel. */
export const counterWidgetsCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => ({
  slug: COUNTER_WIDGETS_SLUG,
  labels: {
    singular: label('Tiện ích thống kê', 'Counter widget'),
    plural: label('Tiện ích thống kê', 'Counter widgets'),
  },
  graphQL: { singularName: 'CounterWidget', pluralName: 'CounterWidgets' },
  admin: {
    group: groups.statistics,
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'enabled', 'updatedAt'],
  },
  access: {
    read: ({ req }) =>
      options.isEditor(req.user, req) ? true : ({ enabled: { equals: true } } satisfies Where),
    ...editorsWrite(options),
  },
  hooks: options.disabled
    ? { beforeOperation: [rejectMalformedWhere] }
    : {
        beforeOperation: [rejectMalformedWhere],
        beforeValidate: [populateSlug({ sourceField: 'title' })],
        beforeChange: [stampFiguresUpdatedAt(options)],
        afterChange: [({ req }) => forgetBaseline(req.payload)],
        afterDelete: [({ req }) => forgetBaseline(req.payload)],
      },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: WIDGET_KINDS.visitors,
      label: label('Loại', 'Kind'),
      admin: {
        description: label(
          'Bộ đếm truy cập hoặc bảng tình hình giải quyết hồ sơ.',
          'The visitor counter or the dossier-processing panel.',
        ),
      },
      options: [
        { value: WIDGET_KINDS.visitors, label: label('Bộ đếm lượt truy cập', 'Visitor counter') },
        {
          value: WIDGET_KINDS.dossierStats,
          label: label('Tình hình giải quyết hồ sơ', 'Dossier processing'),
        },
      ],
    },
    {
      name: 'title',
      type: 'text',
      required: true,
      label: label('Tiêu đề', 'Title'),
      admin: {
        description: label('Tiêu đề hiện trên khung tiện ích.', 'The heading shown on the widget.'),
      },
    },
    slugField(),
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: label('Hiển thị', 'Enabled'),
      admin: {
        position: 'sidebar',
        description: label('Tắt để ẩn với công chúng.', 'Off hides it from the public.'),
      },
    },
    {
      name: 'baseline',
      type: 'group',
      label: label('Số liệu từ hệ thống cũ', 'Baseline from the previous CMS'),
      access: { read: editorsOnlyField(options) },
      admin: {
        condition: isVisitors,
        description: label(
          'Nhập một lần khi chuyển từ hệ thống cũ; được cộng vào số liệu thực.',
          'Entered once when moving from another CMS; added to the live figures.',
        ),
      },
      fields: [
        {
          name: 'total',
          type: 'number',
          defaultValue: 0,
          min: 0,
          validate: validateCount('baseline.total'),
          label: label('Tổng lượt truy cập', 'Total visits'),
          admin: {
            description: label('Tổng lượt truy cập đến ngày chuyển.', 'All visits up to the move.'),
          },
        },
        {
          name: 'months',
          type: 'array',
          label: label('Theo tháng', 'By month'),
          labels: { singular: label('Tháng', 'Month'), plural: label('Tháng', 'Months') },
          admin: {
            description: label('Lượt truy cập của từng tháng cũ.', 'Visits of each past month.'),
          },
          fields: [
            {
              name: 'month',
              type: 'text',
              required: true,
              validate: validatePeriod,
              label: label('Tháng (YYYY-MM)', 'Month (YYYY-MM)'),
              admin: { description: label('Ví dụ 2022-08.', 'E.g. 2022-08.') },
            },
            {
              name: 'visits',
              type: 'number',
              required: true,
              min: 0,
              validate: validateCount('baseline.months.visits'),
              label: label('Lượt truy cập', 'Visits'),
              admin: { description: label('Lượt truy cập trong tháng đó.', 'Visits that month.') },
            },
          ],
        },
        {
          name: 'day',
          type: 'text',
          validate: (value: unknown) =>
            value === null ||
            value === undefined ||
            value === '' ||
            (typeof value === 'string' &&
              /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value))
              ? true
              : 'baseline.day must be a date as YYYY-MM-DD.',
          label: label('Ngày (YYYY-MM-DD)', 'Day (YYYY-MM-DD)'),
          admin: {
            description: label(
              'Ngày chuyển hệ thống, cho số "Hôm nay".',
              'The day of the move, for the "today" figure.',
            ),
          },
        },
        {
          name: 'dayVisits',
          type: 'number',
          min: 0,
          validate: validateCount('baseline.dayVisits'),
          label: label('Lượt truy cập ngày đó', 'Visits that day'),
          admin: { description: label('Lượt truy cập của ngày trên.', 'Visits on that day.') },
        },
      ],
    },
    {
      name: 'agency',
      type: 'text',
      label: label('Cơ quan', 'Agency'),
      admin: {
        condition: isDossier,
        description: label('Cơ quan giải quyết hồ sơ.', 'The agency that processes the dossiers.'),
      },
    },
    {
      name: 'period',
      type: 'text',
      label: label('Kỳ (YYYY-MM)', 'Period (YYYY-MM)'),
      validate: validatePeriod,
      admin: {
        condition: isDossier,
        description: label(
          'Tháng của số liệu, ví dụ 2022-08.',
          'The month of the figures, e.g. 2022-08.',
        ),
      },
    },
    {
      name: 'levels',
      type: 'array',
      label: label('Theo mức độ', 'By level'),
      labels: { singular: label('Mức độ', 'Level'), plural: label('Mức độ', 'Levels') },
      admin: {
        condition: isDossier,
        description: label(
          'Ví dụ "Mức độ 2/3/4" hoặc "Toàn trình / Một phần".',
          'E.g. "Level 2/3/4" or "Full / Partial".',
        ),
      },
      fields: [
        {
          name: 'label',
          type: 'text',
          required: true,
          label: label('Nhãn', 'Label'),
          admin: { description: label('Tên mức độ.', 'The level name.') },
        },
        {
          name: 'count',
          type: 'number',
          required: true,
          min: 0,
          validate: validateCount('levels.count'),
          label: label('Số hồ sơ', 'Count'),
          admin: { description: label('Số hồ sơ ở mức độ này.', 'Dossiers at this level.') },
        },
      ],
    },
    count('received', 'Tiếp nhận', 'Received', [
      'Số hồ sơ tiếp nhận trong kỳ.',
      'Dossiers received in the period.',
    ]),
    count('resolved', 'Đã giải quyết', 'Resolved', [
      'Số hồ sơ đã giải quyết.',
      'Dossiers resolved.',
    ]),
    count('onTime', 'Đúng hạn', 'On time', ['Gồm cả trước hạn.', 'Ahead of time included.']),
    count('overdue', 'Quá hạn', 'Overdue', [
      'Số hồ sơ giải quyết quá hạn.',
      'Dossiers resolved late.',
    ]),
    rateField(
      'onTimeRate',
      onTimeRate,
      ['Tỷ lệ đúng hạn (%)', 'On-time rate (%)'],
      ['Tự động: đúng hạn / (đúng hạn + quá hạn).', 'Computed: on time / (on time + overdue).'],
    ),
    rateField(
      'overdueRate',
      overdueRate,
      ['Tỷ lệ quá hạn (%)', 'Overdue rate (%)'],
      ['Tự động: quá hạn / (đúng hạn + quá hạn).', 'Computed: overdue / (on time + overdue).'],
    ),
    {
      name: 'figuresUpdatedAt',
      type: 'date',
      label: label('Tự động cập nhật lúc', 'Figures updated at'),
      admin: {
        condition: isDossier,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: label('Để trống: lúc số liệu thay đổi.', 'Empty: when the figures change.'),
      },
    },
    {
      name: 'source',
      type: 'select',
      defaultValue: 'manual',
      label: label('Nguồn số liệu', 'Source'),
      options: [
        { value: 'manual', label: label('Nhập tay', 'Entered by hand') },
        { value: 'url', label: label('Lấy từ địa chỉ (JSON)', 'Fetched from a URL (JSON)') },
      ],
      admin: {
        condition: isDossier,
        description: label(
          'Nhập tay, hoặc lấy định kỳ từ một địa chỉ JSON.',
          'Entered by hand, or fetched regularly from a JSON URL.',
        ),
      },
    },
    {
      name: 'sourceUrl',
      type: 'text',
      label: label('Địa chỉ JSON', 'JSON URL'),
      access: { read: editorsOnlyField(options) },
      validate: validateSourceUrl(options),
      admin: {
        condition: isUrlSource,
        description: label(
          'Địa chỉ trả về số liệu dạng JSON (xem docs/counters.md).',
          'A URL answering the figures as JSON (see docs/counters.md).',
        ),
      },
    },
    {
      name: 'refreshMinutes',
      type: 'number',
      defaultValue: 60,
      min: 1,
      label: label('Làm mới mỗi (phút)', 'Refresh every (minutes)'),
      validate: (value: unknown) =>
        value === null ||
        value === undefined ||
        (typeof value === 'number' && Number.isInteger(value) && value >= 1)
          ? true
          : 'refreshMinutes must be a whole number of minutes, at least 1.',
      admin: {
        condition: isUrlSource,
        description: label(
          'Bao lâu lấy lại số liệu một lần.',
          'How often the figures are fetched.',
        ),
      },
    },
    {
      name: 'lastAttemptAt',
      type: 'date',
      label: label('Lần lấy gần nhất', 'Last attempt'),
      access: { read: editorsOnlyField(options) },
      admin: {
        condition: isUrlSource,
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: label(
          'Tự động: lần lấy số liệu gần nhất.',
          'Set automatically: the last fetch.',
        ),
      },
    },
    {
      name: 'lastError',
      type: 'text',
      label: label('Lỗi gần nhất', 'Last error'),
      access: { read: editorsOnlyField(options) },
      admin: {
        condition: isUrlSource,
        readOnly: true,
        position: 'sidebar',
        description: label(
          'Tự động: trống khi lần lấy gần nhất thành công.',
          'Set automatically: empty when the last fetch worked.',
        ),
      },
    },
  ],
})
