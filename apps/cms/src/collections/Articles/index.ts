import type { CollectionConfig } from 'payload';

import { canDeleteArticle } from '../../access/canDeleteArticle';
import { canEditArticle } from '../../access/canEditArticle';
import { isStaff } from '../../access/hasRole';
import { isPublishedOrStaff } from '../../access/isPublishedOrStaff';
import { isEditorOrAdmin } from '../../access/roles';
import { staffOnlyField } from '../../access/userReferences';
import { photoRightsFields } from '../../fields/photoRights';
import { previewUrl, webUrl } from '../../lib/site-urls';
import { slugField } from '../../fields/slug';
import { scheduleEmbargoLift } from '../../jobs/liftEmbargo';
import { importWireEndpoint } from './endpoints/importWire';
import { assigneesEndpoint, goneArticleEndpoint, killArticleEndpoint, restoreArticleEndpoint } from './endpoints/kill';
import { auditArticleChange, noteWhetherLive } from './hooks/audit';
import { guardPublishing } from './hooks/guardPublishing';
import { revalidateArticleAfterChange, revalidateArticleAfterDelete } from './hooks/revalidate';
import { requireHeroRights } from './hooks/requireHeroRights';
import { stampPublishedAt } from './hooks/stampPublishedAt';
import { validateBody } from './hooks/validateBody';
import {
  CORRECTION_KINDS,
  DEFAULT_WORKFLOW_STATUS,
  editorsOnlyField,
  guardWorkflow,
  keepKillState,
  nobodyField,
  refuseDeskFieldsFromContributors,
  stampCorrections,
  WORKFLOW_LABELS,
  WORKFLOW_STATUSES,
} from './workflow';
import { indexArticleAfterChange, removeArticleFromIndexAfterDelete, searchAdminListBeforeOperation } from '../../search/hooks';

export const AD_PLACEMENTS = [
  { label: 'Top of article', value: 'top' },
  { label: 'After paragraph N', value: 'after-paragraph' },
  { label: 'Rail', value: 'rail' },
] as const;

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: 'Article', plural: 'Articles' },
  admin: {
    useAsTitle: 'headline',
    defaultColumns: ['headline', 'workflowStatus', 'deadline', 'section', '_status', 'publishedAt', 'updatedAt'],
    listSearchableFields: ['headline', 'slug', 'dek'],
    preview: (doc) => previewUrl(doc?.slug),
    livePreview: {
      url: ({ data }) => previewUrl(data?.slug) ?? webUrl(),
      breakpoints: [
        { name: 'mobile', label: 'Mobile', width: 375, height: 667 },
        { name: 'desktop', label: 'Desktop', width: 1280, height: 900 },
      ],
    },
  },
  access: {
    read: isPublishedOrStaff,
    create: isStaff,
    update: canEditArticle,
    delete: canDeleteArticle,
    readVersions: isStaff,
  },
  versions: {
    maxPerDoc: 50,
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  },
  defaultSort: '-publishedAt',
  // What the site lists by (ADR 0015): readers' "published and live, newest first" — everywhere and per section. The
  // slug is unique (fields/slug.ts); tags, authors and the tags table's parent lookups are indexed in lib/indexes.ts.
  // The listings' order and, for their page counts, the whole reader rule (ADR 0015): a count of the live stories is
  // answered from the index alone, without reading each row.
  indexes: [
    { fields: ['_status', 'publishedAt', 'embargoedUntil', 'killedAt'] },
    { fields: ['section', '_status', 'publishedAt', 'embargoedUntil', 'killedAt'] },
  ],
  endpoints: [importWireEndpoint, assigneesEndpoint, goneArticleEndpoint, killArticleEndpoint, restoreArticleEndpoint],
  hooks: {
    beforeChange: [guardPublishing, guardWorkflow, keepKillState, stampCorrections, noteWhetherLive, stampPublishedAt, requireHeroRights],
    // Full-text search: the list search box also finds body words; the index follows what is published (src/search/).
    beforeOperation: [searchAdminListBeforeOperation, refuseDeskFieldsFromContributors],
    afterChange: [revalidateArticleAfterChange, indexArticleAfterChange, auditArticleChange, scheduleEmbargoLift],
    afterDelete: [revalidateArticleAfterDelete, removeArticleFromIndexAfterDelete],
  },
  fields: [
    { name: 'headline', type: 'text', required: true, maxLength: 300 },
    { name: 'dek', type: 'textarea', label: 'Standfirst (dek)', maxLength: 600 },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Story',
          fields: [
            { name: 'authors', type: 'relationship', relationTo: 'authors', hasMany: true },
            {
              name: 'dateline',
              type: 'group',
              admin: { description: 'Where and when the story was filed, e.g. "SEOUL, Oct. 2 (UPI)".' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'place', type: 'text' },
                    { name: 'month', type: 'number', min: 1, max: 12 },
                    { name: 'day', type: 'number', min: 1, max: 31 },
                    { name: 'year', type: 'number', min: 1900, max: 2999 },
                    { name: 'agency', type: 'text' },
                  ],
                },
              ],
            },
            {
              name: 'hero',
              type: 'group',
              label: 'Hero photo',
              admin: {
                description:
                  'Caption and rights as printed with this story. The image file can be attached later; wire copy carries none.',
              },
              fields: [
                { name: 'image', type: 'upload', relationTo: 'media' },
                { name: 'alt', type: 'text', admin: { description: 'Describe the image for readers who cannot see it.' } },
                ...photoRightsFields(),
                {
                  name: 'licenseOffered',
                  type: 'checkbox',
                  defaultValue: false,
                  admin: { description: 'The source offers a "License Photo" link for this image.' },
                },
              ],
            },
            {
              name: 'body',
              type: 'richText',
              required: true,
              // Drafts and autosaves skip `validate`; hooks run on every save.
              hooks: { beforeValidate: [validateBody] },
            },
          ],
        },
        {
          label: 'Ads',
          fields: [
            {
              name: 'suppressAds',
              type: 'checkbox',
              defaultValue: false,
              admin: { description: 'Show no advertisements with this article.' },
            },
            {
              type: 'row',
              admin: { condition: (data) => !data?.suppressAds },
              fields: [
                {
                  name: 'adSlotsRemoved',
                  label: 'Never show these slots here',
                  type: 'relationship',
                  relationTo: 'ad-slots',
                  hasMany: true,
                },
                {
                  name: 'adSlotsAdded',
                  label: 'Also show these opt-in slots here',
                  type: 'relationship',
                  relationTo: 'ad-slots',
                  hasMany: true,
                },
              ],
            },
            {
              name: 'adPositions',
              type: 'array',
              labels: { singular: 'Pinned ad position', plural: 'Pinned ad positions' },
              admin: {
                description:
                  'Leave empty to follow the ad slots’ rules. Positions listed here replace those rules for this article (imported wire stories keep their "Advertisement" markers here).',
              },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'placement', type: 'select', required: true, options: [...AD_PLACEMENTS] },
                    {
                      name: 'slot',
                      type: 'relationship',
                      relationTo: 'ad-slots',
                      admin: { description: 'Which slot to show here; empty picks the first slot that fits.' },
                    },
                    {
                      name: 'paragraph',
                      type: 'number',
                      min: 1,
                      admin: { condition: (_, sibling) => sibling?.placement === 'after-paragraph' },
                      validate: (value: unknown, { siblingData }: { siblingData: { placement?: string } }) =>
                        siblingData?.placement !== 'after-paragraph' ||
                        (typeof value === 'number' && value >= 1) ||
                        'An "after paragraph" position needs a paragraph number of 1 or more',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: 'Corrections',
          description:
            'Corrections, updates and clarifications printed with the story. Editors and admins add them; each is dated by the CMS when first saved.',
          fields: [
            {
              name: 'corrections',
              type: 'array',
              labels: { singular: 'Correction', plural: 'Corrections' },
              access: { create: editorsOnlyField, update: editorsOnlyField },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'kind',
                      type: 'select',
                      required: true,
                      defaultValue: 'correction',
                      options: CORRECTION_KINDS.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
                    },
                    {
                      name: 'at',
                      label: 'Dated',
                      type: 'date',
                      admin: { readOnly: true, description: 'Set by the CMS when the entry is first saved.', date: { pickerAppearance: 'dayAndTime' } },
                    },
                  ],
                },
                { name: 'text', type: 'textarea', required: true, maxLength: 2000 },
              ],
            },
          ],
        },
        {
          label: 'Audit trail',
          description: 'What happened to this story and who did it. Editors and admins see it; nobody can change it.',
          fields: [
            {
              name: 'auditTrail',
              label: 'Audit entries',
              type: 'join',
              collection: 'audit-log',
              on: 'article',
              defaultSort: '-at',
              defaultLimit: 25,
              access: { read: editorsOnlyField },
              admin: { allowCreate: false, defaultColumns: ['at', 'action', 'userEmail', 'summary'] },
            },
          ],
        },
        {
          label: 'SEO',
          description: 'How the story appears in search results and when shared.',
          fields: [
            { name: 'seoPreview', type: 'ui', admin: { components: { Field: '/components/SeoPreview#SeoPreview' } } },
            {
              name: 'seo',
              type: 'group',
              fields: [
                { name: 'title', type: 'text', maxLength: 70 },
                { name: 'description', type: 'textarea', maxLength: 200 },
              ],
            },
          ],
        },
      ],
    },
    slugField('headline'),
    { name: 'viewOnSite', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/ViewOnSite#ViewOnSite' } } },
    {
      name: 'workflowStatus',
      label: 'Workflow status',
      type: 'select',
      defaultValue: DEFAULT_WORKFLOW_STATUS,
      index: true,
      options: WORKFLOW_STATUSES.map((value) => ({ label: WORKFLOW_LABELS[value], value })),
      access: { read: staffOnlyField },
      admin: {
        position: 'sidebar',
        description: 'Contributors: pitch, in progress, in review. Editors also assign and mark ready. Publishing is separate.',
      },
    },
    {
      name: 'assignee',
      type: 'relationship',
      relationTo: 'users',
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: { position: 'sidebar', components: { Field: '/components/Workflow/AssigneeField#AssigneeField' } },
    },
    {
      name: 'deadline',
      type: 'date',
      index: true,
      access: { read: staffOnlyField, create: editorsOnlyField, update: editorsOnlyField },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'embargoedUntil',
      label: 'Embargoed until',
      type: 'date',
      index: true,
      access: { read: staffOnlyField, create: editorsOnlyField, update: editorsOnlyField },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Readers see the published story only from this time; it then appears on the site by itself within a minute.',
      },
    },
    { name: 'killControls', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/Workflow/KillControls#KillControls' } } },
    {
      name: 'killedAt',
      label: 'Killed at',
      type: 'date',
      access: { read: staffOnlyField, create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.killedAt), date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'killedBy',
      label: 'Killed by',
      type: 'relationship',
      relationTo: 'users',
      access: { create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.killedAt) },
    },
    {
      name: 'killReason',
      label: 'Why it was killed',
      type: 'textarea',
      maxLength: 1000,
      access: { read: staffOnlyField, create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.killedAt) },
    },
    { name: 'publishedAt', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'section', type: 'relationship', relationTo: 'sections', admin: { position: 'sidebar' } },
    { name: 'tags', type: 'text', hasMany: true, index: true, admin: { position: 'sidebar' } },
    {
      name: 'showLatestHeadlines',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar', description: 'Show the "Latest Headlines" rail with this article.' },
    },
    {
      name: 'source',
      type: 'group',
      admin: { position: 'sidebar', readOnly: true },
      fields: [
        { name: 'kind', type: 'select', options: ['newsroom', 'wire'], defaultValue: 'newsroom' },
        { name: 'agency', type: 'text' },
        { name: 'importedAt', type: 'date' },
        // The wire item's identity: a ninjs `uri`, or for text copy the digest of its text (import/wire-identity.ts).
        // A later import with the same uri updates this story in place when its version is higher.
        { name: 'uri', type: 'text', index: true, admin: { description: 'The wire item this story came from.' } },
        { name: 'version', type: 'number', admin: { description: 'The wire version last imported.' } },
        {
          name: 'byline',
          type: 'text',
          admin: { description: 'The byline as the agency printed it, shown when it names no reporter we keep.' },
        },
        { name: 'copyrightNotice', type: 'text' },
        { name: 'usageTerms', type: 'textarea' },
        { name: 'language', type: 'text', admin: { description: 'BCP 47 language of the copy, e.g. "en".' } },
      ],
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { position: 'sidebar', readOnly: true },
      access: { update: ({ req }) => isEditorOrAdmin(req.user) },
      hooks: {
        beforeChange: [({ value, operation, req }) => (operation === 'create' && req.user ? req.user.id : value)],
      },
    },
  ],
};
