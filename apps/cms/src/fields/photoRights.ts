import type { Field } from 'payload';

import { isHttpUrl } from '../lib/urls';

/**
 * Who made a photo and on what terms it may be used: the fields a wire photo carries
 * ("File Photo by Stephen Shaver/UPI" and a "License Photo" link) and schema.org's ImageObject asks for.
 */
export function photoRightsFields(): Field[] {
  return [
    { name: 'caption', type: 'textarea' },
    {
      type: 'row',
      fields: [
        {
          name: 'credit',
          type: 'text',
          admin: { description: 'The credit line as printed, e.g. "File Photo by Stephen Shaver/UPI".' },
        },
        { name: 'creator', type: 'text', admin: { description: 'The photographer.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'copyright', type: 'text', admin: { description: 'Copyright notice, e.g. "© 2026 UPI".' } },
        {
          name: 'licenseUrl',
          type: 'text',
          validate: (value: unknown) =>
            value == null || value === '' || isHttpUrl(value) || 'License URL must be an http(s) address',
          admin: { description: 'Where to license this photo (shown as "License Photo").' },
        },
      ],
    },
    { name: 'usageTerms', type: 'textarea', admin: { description: 'How the photo may be used, as its source states it.' } },
  ];
}
