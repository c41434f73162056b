/**
 * The licensing request form's fields and choices, as the CMS's `license-requests` collection names them. No server
 * imports: the page module and the server code share it.
 */
export const REQUEST_FIELDS = ['name', 'email', 'organisation', 'intendedUse', 'message'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
export type RequestValues = Record<RequestField, string>;

/** The trap: a field people never see (and so never fill); the CMS refuses a request that has it filled. */
export const HONEYPOT_FIELD = 'website';

/** The choices for "intended use", as the CMS stores them. */
export const INTENDED_USES = [
  { value: 'editorial', label: 'Editorial (news, magazine, book)' },
  { value: 'commercial', label: 'Commercial or advertising' },
  { value: 'personal', label: 'Personal or educational' },
  { value: 'other', label: 'Other' },
] as const;

export const FIELD_LIMITS: Record<RequestField, number> = { name: 200, email: 320, organisation: 200, intendedUse: 32, message: 5000 };

