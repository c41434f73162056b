import type { Headline } from '@newsroom/schema';
import type { ArticleCardProps } from '../article-card/article-card.component.js';
import type { PhotoCaptionProps } from '../photo-caption/photo-caption.component.js';

/** The seed story, as the card shows it. */
export const seedCard = {
  headline: 'Beijing: Inter-Korea liaison office a sign of progress',
  href: '/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
  dek: 'China welcomed the opening of a joint office in Kaesong ahead of the summit in Pyongyang.',
  imageSrc: '/media/kaesong-liaison-office.jpg',
  imageAlt: 'South and North Korean officials at the opening of the liaison office in Kaesong',
  byline: 'By Elizabeth Shim',
  publishedAt: '2018-09-17T08:30:00Z',
  section: 'World News',
} satisfies ArticleCardProps;

/** The seed story's photo. */
export const seedCaption = {
  caption: 'The joint liaison office in Kaesong opened on Friday.',
  credit: 'File Photo by Stephen Shaver/UPI',
  licenseUrl: 'https://www.upi.com/News_Photos/lp/',
} satisfies PhotoCaptionProps;

/** A "Latest Headlines" rail. */
export const seedHeadlines: Headline[] = [
  { title: 'Moon Jae-in arrives in Pyongyang for third summit', url: '/news/moon-jae-in-arrives-in-pyongyang', publishedAt: '2018-09-18T01:00:00Z', section: 'World News' },
  { title: 'Typhoon Mangkhut leaves dozens dead in the Philippines', url: 'https://example.com/news/typhoon-mangkhut', publishedAt: '2018-09-17' },
  { title: 'Trump announces tariffs on $200 billion in Chinese goods', url: '/news/tariffs-on-chinese-goods', publishedAt: '2018-09-17T22:15:00Z', section: 'Business' },
  { title: 'Hurricane Florence floods the Carolinas', url: '/news/hurricane-florence-floods', section: 'U.S. News' },
];

/** Markup that must come out as text, never as elements. */
export const hostileText = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>"\'&</b>';

/** URLs that must never become links (or image sources): each is, or parses as, a non-http(s) scheme. */
export const hostileUrls = [
  'javascript:globalThis.pwned=1',
  'JavaScript:globalThis.pwned=1',
  ' javascript:globalThis.pwned=1',
  '\tjavascript:globalThis.pwned=1',
  'java\nscript:globalThis.pwned=1',
  'java\tscript:globalThis.pwned=1',
  '\u0001javascript:globalThis.pwned=1',
  'vbscript:msgbox(1)',
  'data:text/html,<script>globalThis.pwned=1</script>',
  'file:///etc/passwd',
  'blob:https://example.com/uuid',
];
