import type { TestProject } from 'vitest/node';
import { renderArticleCard, renderPhotoCaption, renderRelatedHeadlines } from '../ssr/index.js';
import { hostileText, seedCaption, seedCard, seedHeadlines } from './sample.js';

/** Server-rendered HTML for the browser tests, rendered here in Node by the real server entry. */
export interface SsrFixtures {
  card: string;
  wideCard: string;
  hostileCard: string;
  caption: string;
  headlines: string;
  headlinesWithoutInlineData: string;
  headlinesFromSrc: string;
  headlinesWithSrc: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** URI-encoded: Vitest writes provided values into an inline <script> unescaped, and the fixtures hold "</script>". */
    ssr: Record<keyof SsrFixtures, string>;
  }
}

export default function setup(project: TestProject): void {
  const fixtures: SsrFixtures = {
    card: renderArticleCard(seedCard),
    wideCard: renderArticleCard({ ...seedCard, layout: 'wide' }),
    hostileCard: renderArticleCard({ headline: hostileText, dek: hostileText, byline: hostileText, section: hostileText, href: 'javascript:globalThis.pwned=1' }),
    caption: renderPhotoCaption({ ...seedCaption, image: { src: '/media/kaesong.jpg', alt: 'The liaison office', width: 600, height: 400 } }),
    headlines: renderRelatedHeadlines({ headlines: seedHeadlines, limit: 3 }),
    headlinesWithoutInlineData: renderRelatedHeadlines({ headlines: seedHeadlines, heading: 'More from World News' }, { inlineData: false }),
    headlinesFromSrc: renderRelatedHeadlines({ src: '/headlines.json' }),
    headlinesWithSrc: renderRelatedHeadlines({ src: '/api/widgets/headlines?limit=3', headlines: seedHeadlines, limit: 3 }),
  };
  project.provide('ssr', Object.fromEntries(Object.entries(fixtures).map(([name, html]) => [name, encodeURIComponent(html)])) as Record<keyof SsrFixtures, string>);
}
