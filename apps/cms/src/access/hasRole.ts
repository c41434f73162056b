import type { Access } from 'payload';

import { type Role, roleOf } from './roles';

/** Allows the operation when the signed-in user has one of `roles`. */
export const hasRole =
  (...roles: Role[]): Access =>
  ({ req }) => {
    const role = roleOf(req.user);
    return role !== undefined && roles.includes(role);
  };

export const isAdmin: Access = hasRole('admin');
export const isEditor: Access = hasRole('admin', 'editor');
export const isStaff: Access = hasRole('admin', 'editor', 'contributor');
export const anyone: Access = () => true;
