import type { CollectionConfig } from 'payload';

import { isEditor, isStaff } from '../access/hasRole';
import { canReadMedia, canUpdateMedia, guardPublishedPhotos } from '../access/mediaAccess';
import { isEditorOrAdmin, roleOf } from '../access/roles';
import { photoRightsFields } from '../fields/photoRights';
import { mediaDir } from '../lib/paths';
import { enforceUploadLimits } from '../lib/upload-limits';

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Photo', plural: 'Photos' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'] },
  access: { read: canReadMedia, create: isStaff, update: canUpdateMedia, delete: isEditor },
  hooks: {
    beforeOperation: [enforceUploadLimits],
    beforeChange: [guardPublishedPhotos],
  },
  upload: {
    staticDir: mediaDir,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'hero', width: 1280, withoutEnlargement: true },
      { name: 'square', width: 1200, height: 1200, position: 'centre' },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      admin: { description: 'Describe the image for readers who cannot see it.' },
    },
    ...photoRightsFields(),
    {
      // Who uploaded the photo: a contributor may change their own photos (until a published story shows one).
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { position: 'sidebar', readOnly: true },
      access: {
        read: ({ req }) => roleOf(req.user) !== undefined,
        update: ({ req }) => isEditorOrAdmin(req.user),
      },
      hooks: {
        beforeChange: [({ value, operation, req }) => (operation === 'create' && req.user ? req.user.id : value)],
      },
    },
  ],
};
