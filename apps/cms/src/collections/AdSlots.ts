import type { CollectionConfig } from 'payload';

import { isEditor } from '../access/hasRole';
import { activeWindowOrStaff } from '../access/isActiveOrStaff';
import { isHttpUrl } from '../lib/urls';
import { revalidateTagAfterChange, revalidateTagAfterDelete } from './Articles/hooks/revalidate';

const optionalHttpUrl = (value: unknown) =>
  value == null || value === '' || isHttpUrl(value) || 'Must be an http(s) address';

/**
 * Advertisement slots and the rules that place them. HTML creatives are untrusted: the site shows
 * them only inside a sandboxed iframe without `allow-same-origin`.
 */
export const AdSlots: CollectionConfig = {
  slug: 'ad-slots',
  labels: { singular: 'Ad slot', plural: 'Ad slots' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'placement', 'activeFrom', 'activeUntil'] },
  access: {
    read: activeWindowOrStaff('activeFrom', 'activeUntil'),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: { afterChange: [revalidateTagAfterChange('ad-slots')], afterDelete: [revalidateTagAfterDelete('ad-slots')] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'label', type: 'text', defaultValue: 'Advertisement', required: true },
    {
      name: 'sizes',
      type: 'array',
      minRows: 1,
      admin: { description: 'The creative size per breakpoint; the site reserves this height before the ad loads.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'breakpoint',
              type: 'select',
              required: true,
              defaultValue: 'mobile',
              options: [
                { label: 'Mobile (0 px and up)', value: 'mobile' },
                { label: 'Tablet (740 px and up)', value: 'tablet' },
                { label: 'Desktop (980 px and up)', value: 'desktop' },
              ],
            },
            { name: 'width', type: 'number', required: true, min: 1, max: 2000 },
            { name: 'height', type: 'number', required: true, min: 1, max: 2000 },
          ],
        },
      ],
    },
    {
      name: 'placement',
      type: 'group',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'after-paragraph',
          options: [
            { label: 'Top of article', value: 'top' },
            { label: 'After paragraph N', value: 'after-paragraph' },
            { label: 'Every K paragraphs', value: 'every' },
            { label: 'Rail', value: 'rail' },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'paragraph',
              type: 'number',
              min: 1,
              admin: { description: 'After paragraph N (for "every": where the first one goes).', condition: (_, s) => s?.kind === 'after-paragraph' || s?.kind === 'every' },
            },
            { name: 'every', type: 'number', min: 1, admin: { description: 'Repeat every K paragraphs.', condition: (_, s) => s?.kind === 'every' } },
            { name: 'max', type: 'number', min: 1, admin: { description: 'At most M in one article.', condition: (_, s) => s?.kind === 'every' } },
            { name: 'minParagraphs', type: 'number', min: 0, admin: { description: 'Only in articles of at least this many paragraphs.' } },
          ],
        },
        {
          name: 'onlyWhereAdded',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Show this slot only in articles that add it (Ads tab of the article).' },
        },
        {
          name: 'summary',
          type: 'ui',
          admin: { components: { Field: '/components/AdRuleSummary#AdRuleSummary' } },
        },
      ],
    },
    {
      name: 'creative',
      type: 'group',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'house',
          options: [
            { label: 'House ad (image and link)', value: 'house' },
            { label: 'HTML (shown in a sandboxed frame)', value: 'html' },
          ],
        },
        { name: 'image', type: 'upload', relationTo: 'media', admin: { condition: (_, s) => s?.kind === 'house' } },
        { name: 'link', type: 'text', validate: optionalHttpUrl, admin: { condition: (_, s) => s?.kind === 'house' } },
        { name: 'alt', type: 'text', admin: { condition: (_, s) => s?.kind === 'house' } },
        {
          name: 'html',
          type: 'textarea',
          admin: {
            description: 'Untrusted markup from the advertiser. The site shows it only inside a sandboxed frame that cannot touch the page.',
            condition: (_, s) => s?.kind === 'html',
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'activeFrom', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'activeUntil', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
  ],
};
