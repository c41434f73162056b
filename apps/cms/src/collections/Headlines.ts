import type { Access, CollectionConfig, Where } from 'payload';

import { isEditor } from '../access/hasRole';
import { activeWindowOrStaff } from '../access/isActiveOrStaff';
import { publishedNow } from '../access/isPublishedOrStaff';
import { roleOf } from '../access/roles';
import { isHttpUrl } from '../lib/urls';
import { revalidateTagAfterChange, revalidateTagAfterDelete } from './Articles/hooks/revalidate';

const inWindow = activeWindowOrStaff('publishedAt', 'expiresAt');

/**
 * Readers get a headline only while it is live: its time has come (`publishedAt` ≤ now), it has
 * not expired, and the article it points to (if any) is out — so a curated title cannot announce
 * an embargoed story early, nor keep pointing at a killed one. Staff see every headline.
 */
export const canReadHeadline: Access = (args) => {
  if (roleOf(args.req.user)) return true;
  const articleIsOut: Where = { or: [{ article: { exists: false } }, publishedNow(new Date(), 'article.')] };
  return { and: [inWindow(args) as Where, articleIsOut] };
};

/** Curated "Latest Headlines": an internal article or an external link, pinned and ordered by editors. */
export const Headlines: CollectionConfig = {
  slug: 'headlines',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'pinned', 'publishedAt', 'expiresAt'] },
  access: { read: canReadHeadline, create: isEditor, update: isEditor, delete: isEditor },
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
