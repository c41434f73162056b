import type { CollectionConfig } from 'payload';

import { anyone, isEditor } from '../access/hasRole';
import { slugField } from '../fields/slug';
import { revalidateAuthorAfterChange, revalidateProfileAfterDelete } from './Articles/hooks/revalidate';

export const Authors: CollectionConfig = {
  slug: 'authors',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { afterChange: [revalidateAuthorAfterChange], afterDelete: [revalidateProfileAfterDelete('author')] },
  fields: [
    // Author pages and sitemaps list authors by name.
    { name: 'name', type: 'text', required: true, maxLength: 120, index: true },
    slugField('name'),
    { name: 'bio', type: 'textarea', maxLength: 1000 },
  ],
};
