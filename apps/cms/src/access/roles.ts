export const ROLES = ['admin', 'editor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/** The part of a user that access decisions read; works for Payload's `req.user` of any collection. */
export type RoleHolder = { id: number | string; role?: Role | null } | null | undefined;

export function roleOf(user: unknown): Role | undefined {
  const role = (user as { role?: unknown } | null | undefined)?.role;
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined;
}

/** Admins and editors run the newsroom: they publish, schedule and curate. */
export function isEditorOrAdmin(user: unknown): boolean {
  const role = roleOf(user);
  return role === 'admin' || role === 'editor';
}
