import { type CollectionBeforeChangeHook, ValidationError } from 'payload';

/**
 * A story with a hero image goes live only with alt text and a credit — on the article, or on the
 * photo itself. Drafts may be incomplete.
 */
export const requireHeroRights: CollectionBeforeChangeHook = async ({ data, req, collection }) => {
  if (data._status !== 'published' || !data.hero?.image) return data;
  const imageId = typeof data.hero.image === 'object' ? data.hero.image.id : data.hero.image;
  const media = await req.payload.findByID({ collection: 'media', id: imageId, depth: 0, overrideAccess: true, req }).catch(() => null);
  const errors: { path: string; message: string }[] = [];
  if (!data.hero.alt?.trim() && !media?.alt?.trim()) {
    errors.push({ path: 'hero.alt', message: 'A published hero photo needs alt text describing it.' });
  }
  if (!data.hero.credit?.trim() && !media?.credit?.trim()) {
    errors.push({ path: 'hero.credit', message: 'A published hero photo needs a credit line, e.g. "Photo by Ana Ruiz/Newsroom".' });
  }
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req });
  return data;
};
