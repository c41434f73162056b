import type { CollectionConfig } from 'payload';

import { isEditor, isStaff } from '../access/hasRole';
import { canReadMedia, canUpdateMedia, guardPublishedPhotos } from '../access/mediaAccess';
import { isEditorOrAdmin, roleOf } from '../access/roles';
import { photoRightsFields } from '../fields/photoRights';
import { mediaDir } from '../lib/paths';
import { enforceUploadLimits } from '../lib/upload-limits';
import { preparePhotoUpload } from '../media/prepare-upload';
import { PHOTO_RENDITIONS } from '../media/renditions';

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Photo', plural: 'Photos' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'] },
  access: { read: canReadMedia, create: isStaff, update: canUpdateMedia, delete: isEditor },
  hooks: {
    // Limits first (nothing big is decoded), then the file's own rights are read and written into what is stored.
    beforeOperation: [enforceUploadLimits, preparePhotoUpload],
    beforeChange: [guardPublishedPhotos],
  },
  upload: {
    staticDir: mediaDir,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    // Every rendition keeps the rights preparePhotoUpload wrote into the file (and nothing else: it stripped the rest).
    withMetadata: true,
    imageSizes: PHOTO_RENDITIONS,
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
      name: 'dateCreated',
      type: 'date',
      admin: { position: 'sidebar', description: 'When the photo was taken, as its file states it.' },
    },
    {
      // Which fields the upload filled from the file's IPTC/XMP/EXIF (the editor's own entries always win).
      name: 'rightsFromFile',
      type: 'text',
      label: 'Read from the file',
      admin: { position: 'sidebar', readOnly: true, description: 'Fields filled from the photo’s own IPTC/XMP metadata when it was uploaded.' },
    },
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
