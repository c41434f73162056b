import { ValidationError, type CollectionBeforeOperationHook } from 'payload';

/** Every account's password, demo accounts included. Payload itself asks for only three characters. */
export const MIN_PASSWORD_LENGTH = 12;

export const passwordTooShortMessage = `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`;

export function isLongEnough(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}

/**
 * Checks a password wherever one is set — a new account (the admin's first-user screen included),
 * a change of password, a reset — and names the rule beside the field when it is too short.
 */
export const enforcePasswordLength: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args;
  const password = (args as { data?: { password?: unknown } }).data?.password;
  if (typeof password !== 'string' || password === '' || isLongEnough(password)) return args;
  throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: passwordTooShortMessage }] }, req.t);
};
