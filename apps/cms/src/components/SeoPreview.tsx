'use client';

import { useFormFields } from '@payloadcms/ui';

const TITLE_LIMIT = 60;
const DESCRIPTION_LIMIT = 160;

/** How the article will look as a search result, from the SEO fields or, when empty, the headline and dek. */
export function SeoPreview() {
  const fields = useFormFields(([fields]) => fields);
  const text = (path: string) => {
    const value = fields[path]?.value;
    return typeof value === 'string' ? value.trim() : '';
  };
  const title = text('seo.title') || text('headline') || 'Untitled story';
  const description = text('seo.description') || text('dek') || 'Add a description, or a dek, to say what the story is about.';
  const slug = text('slug') || 'your-story';
  const site = process.env.NEXT_PUBLIC_WEB_URL ?? 'http://localhost:3000';
  return (
    <figure aria-label="Search result preview" data-testid="seo-preview" style={{ margin: '0 0 var(--base)', maxWidth: 600 }}>
      <figcaption className="field-label">Search result preview</figcaption>
      <div style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 'var(--base)' }}>
        <div style={{ fontSize: 13, color: 'var(--theme-elevation-600)' }}>{`${site}/news/${slug}`}</div>
        <div style={{ fontSize: 19, color: 'var(--theme-success-750, #1a0dab)', margin: '4px 0' }}>{truncate(title, TITLE_LIMIT)}</div>
        <div style={{ fontSize: 14 }}>{truncate(description, DESCRIPTION_LIMIT)}</div>
      </div>
      <p className="field-description">
        Title {title.length}/{TITLE_LIMIT} characters, description {description.length}/{DESCRIPTION_LIMIT}: search engines cut
        what is longer.
      </p>
    </figure>
  );
}

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}
