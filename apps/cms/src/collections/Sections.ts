import type { CollectionConfig } from 'payload';

import { anyone, isEditor } from '../access/hasRole';
import { slugField } from '../fields/slug';
import { revalidateSectionAfterChange, revalidateProfileAfterDelete } from './Articles/hooks/revalidate';

export const Sections: CollectionConfig = {
  slug: 'sections',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { afterChange: [revalidateSectionAfterChange], afterDelete: [revalidateProfileAfterDelete('section')] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 300 },
  ],
};
