import Head from 'next/head';

import type { PageMeta } from '../lib/page-data';

/** Title, description, canonical URL, Open Graph and Twitter card for one page. */
export function PageHead({ meta, siteName, siteUrl }: { meta: PageMeta; siteName: string; siteUrl: string }) {
  const image = meta.image ? absolute(siteUrl, meta.image.src) : undefined;
  return (
    <Head>
      <title>{meta.title}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="description" content={meta.description} />
      <link rel="canonical" href={meta.canonical} />
      {meta.noindex ? <meta name="robots" content="noindex, nofollow" /> : <meta name="robots" content="index, follow, max-image-preview:large" />}
      <meta property="og:site_name" content={siteName} />
      <meta property="og:type" content={meta.type} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={meta.canonical} />
      <meta property="og:locale" content="en_US" />
      {image && <meta property="og:image" content={image} />}
      {image && meta.image && <meta property="og:image:width" content={String(meta.image.width)} />}
      {image && meta.image && <meta property="og:image:height" content={String(meta.image.height)} />}
      {image && meta.image?.alt && <meta property="og:image:alt" content={meta.image.alt} />}
      {meta.publishedAt && <meta property="article:published_time" content={meta.publishedAt} />}
      {meta.modifiedAt && <meta property="article:modified_time" content={meta.modifiedAt} />}
      {meta.section && <meta property="article:section" content={meta.section} />}
      {meta.authors?.map((name) => <meta key={`author-${name}`} property="article:author" content={name} />)}
      {meta.tags?.map((tag) => <meta key={`tag-${tag}`} property="article:tag" content={tag} />)}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {image && <meta name="twitter:image" content={image} />}
      <link rel="alternate" type="application/rss+xml" title={`${siteName} RSS`} href="/feed.xml" />
      {meta.type === 'article' && (
        <link rel="alternate" type="application/json+oembed" title={meta.title} href={`${siteUrl}/oembed?url=${encodeURIComponent(meta.canonical)}&format=json`} />
      )}
    </Head>
  );
}

function absolute(siteUrl: string, src: string): string {
  return /^https?:\/\//.test(src) ? src : `${siteUrl}${src}`;
}
