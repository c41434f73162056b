import type { CollectionConfig, Field, FieldAccess, RelationshipField, UploadField } from 'payload';

import { roleOf } from './roles';

/** Staff only: which account did what is newsroom business, not the public's. */
export const staffOnlyField: FieldAccess = ({ req }) => roleOf(req.user) !== undefined;

const pointsAtUsers = (field: Field): field is RelationshipField | UploadField =>
  (field.type === 'relationship' || field.type === 'upload') &&
  (Array.isArray(field.relationTo) ? field.relationTo.includes('users') : field.relationTo === 'users');

function hideInFields(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (pointsAtUsers(field)) {
      const own = field.access?.read;
      const read: FieldAccess = own ? async (args) => (await staffOnlyField(args)) && (await own(args)) : staffOnlyField;
      return { ...field, access: { ...field.access, read } } as Field;
    }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: hideInFields(tab.fields) })) };
    if (field.type === 'blocks') {
      return { ...field, blocks: field.blocks.map((block) => (typeof block === 'string' ? block : { ...block, fields: hideInFields(block.fields) })) } as Field;
    }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: hideInFields(field.fields) } as Field;
    return field;
  });
}

/**
 * The collection with every field that refers to a user account (`createdBy` and the like)
 * readable by staff only, so anonymous API reads never carry account ids.
 */
export function hideUserReferences(collection: CollectionConfig): CollectionConfig {
  return { ...collection, fields: hideInFields(collection.fields) };
}
