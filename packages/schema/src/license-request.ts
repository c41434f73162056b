/**
 * A request to license a photo: the fields readers fill in on the site's licensing page and the CMS's
 * `license-requests` collection stores, with their limits and choices. One list, read by both apps.
 */
export const LICENSE_REQUEST_FIELDS = ['name', 'email', 'organisation', 'intendedUse', 'message'] as const;
export type LicenseRequestField = (typeof LICENSE_REQUEST_FIELDS)[number];
export type LicenseRequestValues = Record<LicenseRequestField, string>;

/** The most characters each field takes. */
export const LICENSE_REQUEST_FIELD_LIMITS: Readonly<Record<LicenseRequestField, number>> = { name: 200, email: 320, organisation: 200, intendedUse: 32, message: 5000 };

/** The choices for "intended use": `value` as stored, `label` as shown. */
export const INTENDED_USES = [
  { value: 'editorial', label: 'Editorial (news, magazine, book)' },
  { value: 'commercial', label: 'Commercial or advertising' },
  { value: 'personal', label: 'Personal or educational' },
  { value: 'other', label: 'Other' },
] as const;
export type IntendedUse = (typeof INTENDED_USES)[number]['value'];

/** The form's trap: a field people never see (and so never fill). A request with it filled is refused. */
export const LICENSE_REQUEST_HONEYPOT = 'website';

/** An e-mail address as both apps accept it: something@something.something, without spaces or the characters mail rejects. */
export const LICENSE_REQUEST_EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
