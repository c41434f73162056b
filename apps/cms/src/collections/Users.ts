import type { CollectionConfig } from 'payload';

import { isAdmin } from '../access/hasRole';
import { isSelfOrAdmin } from '../access/isSelfOrAdmin';
import { ROLES, roleOf } from '../access/roles';

export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'] },
  access: {
    read: isSelfOrAdmin,
    create: isAdmin,
    update: isSelfOrAdmin,
    delete: isAdmin,
    admin: ({ req }) => roleOf(req.user) !== undefined,
  },
  hooks: {
    beforeChange: [
      // The account made through the admin's first-run screen runs the site.
      async ({ data, operation, req }) => {
        if (operation !== 'create' || req.user) return data;
        const { totalDocs } = await req.payload.count({ collection: 'users', req });
        if (totalDocs === 0) data.role = 'admin';
        return data;
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'contributor',
      options: ROLES.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
      saveToJWT: true,
      access: {
        // Only admins hand out roles; nobody promotes themselves.
        create: ({ req }) => roleOf(req.user) === 'admin',
        update: ({ req }) => roleOf(req.user) === 'admin',
      },
    },
  ],
};
