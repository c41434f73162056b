import { slugify } from '@newsroom/schema';
import type { CollectionSlug, FieldHook, TextField } from 'payload';

/**
 * A URL slug made from `sourceField` (lower-case ASCII words joined by `-`), editable, and made
 * unique within the collection by appending -2, -3, … The lookup runs on the operation's own
 * `req`, so stories created earlier in the same import transaction count as taken.
 */
export function slugField(
  sourceField: string,
  overrides: Partial<Pick<TextField, 'label' | 'required' | 'index'>> = {},
): TextField {
  const makeSlug: FieldHook = async ({ value, data, originalDoc, req, collection }) => {
    const source = typeof data?.[sourceField] === 'string' ? (data[sourceField] as string) : undefined;
    const wanted = typeof value === 'string' && value.trim() ? slugify(value) : source ? slugify(source) : undefined;
    if (!wanted || !collection) return value;
    return uniqueSlugIn(collection.slug as CollectionSlug, wanted, originalDoc?.id, req);
  };

  return {
    name: 'slug',
    type: 'text',
    index: true,
    unique: true,
    admin: {
      position: 'sidebar',
      description: `Made from the ${sourceField} when left empty; -2, -3 … is added when taken.`,
    },
    hooks: { beforeValidate: [makeSlug] },
    ...overrides,
  };
}

async function uniqueSlugIn(
  collection: CollectionSlug,
  base: string,
  ownId: number | string | undefined,
  req: Parameters<FieldHook>[0]['req'],
): Promise<string> {
  const taken = await req.payload.find({
    collection,
    where: {
      and: [
        { or: [{ slug: { equals: base } }, { slug: { like: `${base}-` } }] },
        ...(ownId !== undefined ? [{ id: { not_equals: ownId } }] : []),
      ],
    },
    select: { slug: true } as never,
    limit: 0,
    pagination: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
  });
  const slugs = new Set(taken.docs.map((doc) => (doc as { slug?: string }).slug));
  if (!slugs.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!slugs.has(candidate)) return candidate;
  }
}
