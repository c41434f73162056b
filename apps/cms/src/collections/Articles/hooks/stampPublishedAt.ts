import type { CollectionBeforeChangeHook } from 'payload';

/** A story going live without a publication time gets "now", so readers' "published before now" filter sees it. */
export const stampPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    data.publishedAt = new Date().toISOString();
  }
  return data;
};
