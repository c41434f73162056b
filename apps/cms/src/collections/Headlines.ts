import type { CollectionConfig } from 'payload';

import { isEditor } from '../access/hasRole';
import { activeWindowOrStaff } from '../access/isActiveOrStaff';
import { isHttpUrl } from '../lib/urls';
import { revalidateTagAfterChange, revalidateTagAfterDelete } from './Articles/hooks/revalidate';

/** Curated "Latest Headlines": an internal article or an external link, pinned and ordered by editors. */
export const Headlines: CollectionConfig = {
  slug: 'headlines',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'pinned', 'publishedAt', 'expiresAt'] },
  access: { read: activeWindowOrStaff(undefined, 'expiresAt'), create: isEditor, update: isEditor, delete: isEditor },
  // Editors drag headlines into order in the list view; pinned ones stay on top.
  orderable: true,
  hooks: { afterChange: [revalidateTagAfterChange('headlines')], afterDelete: [revalidateTagAfterDelete('headlines')] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 300 },
    {
      type: 'row',
      fields: [
        { name: 'article', type: 'relationship', relationTo: 'articles' },
        {
          name: 'url',
          type: 'text',
          admin: { description: 'For an external story; leave empty when an article is chosen.' },
          validate: (value: unknown, { siblingData }: { siblingData: { article?: unknown } }) => {
            if (value == null || value === '') return siblingData?.article ? true : 'Choose an article or give a URL';
            return isHttpUrl(value) || 'URL must be an http(s) address';
          },
        },
      ],
    },
    { name: 'publishedAt', type: 'date', defaultValue: () => new Date().toISOString() },
    {
      type: 'row',
      fields: [
        { name: 'pinned', type: 'checkbox', defaultValue: false },
        { name: 'expiresAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
  ],
};
