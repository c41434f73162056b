import type { CollectionConfig } from 'payload';

import { anyone, isEditor, isStaff } from '../access/hasRole';
import { photoRightsFields } from '../fields/photoRights';
import { mediaDir } from '../lib/paths';

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Photo', plural: 'Photos' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'] },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isEditor },
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
  ],
};
