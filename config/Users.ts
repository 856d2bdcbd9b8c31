import type { Access, CollectionConfig, FieldAccess } from 'payload'
import { groups, label } from '../core/labels.js'

const isAdmin = (user: unknown): boolean =>
  Array.isArray((user as { roles?: unknown } | null)?.roles) &&
  (user as { roles: string[] }).roles.includes('admin')

const adminsOnly: Access = ({ req }) => isAdmin(req.user)
const adminsOnlyField: FieldAccess = ({ req }) => isAdmin(req.user)
/** Admins see everyone; any other logged-in user only themselves; the public nobody. */
const adminsOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdmin(req.user)) return true
  return { id: { equals: req.user.id } }
}

/** The demo app's users: admins manage people and roles; editors write portal content. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('Người dùng', 'User'), plural: label('Người dùng', 'Users') },
  // Two hours by default; the browser tests shorten it to see the "stay logged in" prompt.
  auth: { tokenExpiration: Number(process.env.TOKEN_EXPIRATION_SECONDS) || 7200 },
  admin: {
    group: groups.system,
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
    // User management is for admins; editors reach their own account from the avatar menu.
    hidden: ({ user }) => !isAdmin(user),
  },
  access: {
    // The first user may be created from the admin's welcome screen; after that, admins only.
    create: async ({ req }) => {
      if (isAdmin(req.user)) return true
      const { totalDocs } = await req.payload.count({
        collection: 'users',
        overrideAccess: true,
        req,
      })
      return totalDocs === 0
    },
    read: adminsOrSelf,
    update: adminsOrSelf,
    delete: adminsOnly,
    admin: ({ req }) => Boolean(req.user),
  },
  hooks: {
    beforeChange: [
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({
          collection: 'users',
          overrideAccess: true,
          req,
        })
        if (totalDocs === 0) data.roles = ['admin']
        return data
      },
    ],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: label('Họ tên', 'Name'),
      admin: {
        description: label('Tên hiển thị trong trang quản trị.', 'The name shown in the admin.'),
      },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      label: label('Vai trò', 'Roles'),
      options: [
        { label: label('Quản trị', 'Admin'), value: 'admin' },
        { label: label('Biên tập viên', 'Editor'), value: 'editor' },
      ],
      access: { create: adminsOnlyField, update: adminsOnlyField },
      admin: {
        description: label('Chỉ quản trị viên được đổi vai trò.', 'Only admins can change roles.'),
      },
    },
  ],
}
