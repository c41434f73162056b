'use client';

import { useDocumentInfo, useFormFields } from '@payloadcms/ui';

/** A link to the article on the reader site, once it is live there. */
export function ViewOnSite() {
  const { hasPublishedDoc } = useDocumentInfo();
  const slug = useFormFields(([fields]) => fields.slug?.value);
  if (!hasPublishedDoc || typeof slug !== 'string' || !slug) {
    return <p className="field-description">Not on the site yet — use Preview to see the draft.</p>;
  }
  const site = process.env.NEXT_PUBLIC_WEB_URL ?? 'http://localhost:3000';
  return (
    <p>
      <a href={`${site}/news/${encodeURIComponent(slug)}`} rel="noopener" target="_blank">
        View on site ↗
      </a>
    </p>
  );
}
