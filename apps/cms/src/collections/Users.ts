import type { CollectionConfig } from 'payload';

import { isAdmin } from '../access/hasRole';
import { isSelfOrAdmin } from '../access/isSelfOrAdmin';
import { enforcePasswordLength } from '../access/passwordPolicy';
import { ROLES, roleOf } from '../access/roles';
import { clearSignInCount, limitSignIns, SIGN_IN_LIMITS, unlockEverywhere } from '../access/signInLimiter';

/** The session cookie: `Secure` whenever the admin is served over HTTPS, and never sent cross-site on a POST. */
export function sessionCookies(publicUrl: string | undefined): { secure: boolean; sameSite: 'Lax' } {
  return { secure: publicUrl?.trim().toLowerCase().startsWith('https:') ?? false, sameSite: 'Lax' };
}

export function usersCollection(publicUrl: string | undefined = process.env.CMS_PUBLIC_URL): CollectionConfig {
  return {
    slug: 'users',
    auth: {
      // Payload's own lock is per account, so anyone could keep any account locked; it is set out
      // of reach (its counter column and the admin's "Force unlock" stay) and `limitSignIns` locks
      // per account and client instead.
      maxLoginAttempts: Number.MAX_SAFE_INTEGER,
      lockTime: SIGN_IN_LIMITS.lockMs,
      tokenExpiration: 8 * 60 * 60,
      cookies: sessionCookies(publicUrl),
    },
    admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'] },
    access: {
      read: isSelfOrAdmin,
      create: isAdmin,
      update: isSelfOrAdmin,
      delete: isAdmin,
      // Lifting a sign-in lock is an admin's call, never another signed-in user's.
      unlock: isAdmin,
      admin: ({ req }) => roleOf(req.user) !== undefined,
    },
    hooks: {
      beforeOperation: [enforcePasswordLength, limitSignIns],
      afterLogin: [clearSignInCount],
      afterOperation: [unlockEverywhere],
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
}

export const Users: CollectionConfig = usersCollection();
