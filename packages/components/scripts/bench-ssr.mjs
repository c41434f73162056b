// Server-rendering throughput of each element, from the built server entry (dist/ssr, as apps import it), on one
// thread. Usage: npm run bench [-- --seconds 3] [-- --json]. Exits non-zero if the card is under 10,000 renders/s.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/ssr/index.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('dist/ssr/index.js is missing: run `npm run build -w @newsroom/components` first.');
  process.exit(1);
}
const { renderArticleCard, renderPhotoCaption, renderRelatedHeadlines } = await import(entry.href);

const CARD_BUDGET = 10_000;
const argument = (name) => process.argv[process.argv.indexOf(name) + 1];
const seconds = process.argv.includes('--seconds') ? Number(argument('--seconds')) : 2;
const asJson = process.argv.includes('--json');

const card = {
  headline: 'Beijing: Inter-Korea liaison office a sign of progress',
  href: '/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
  dek: 'China welcomed the opening of a joint office in Kaesong ahead of the summit in Pyongyang.',
  imageSrc: '/media/kaesong-liaison-office.jpg',
  imageAlt: 'South and North Korean officials at the opening of the liaison office in Kaesong',
  byline: 'By Elizabeth Shim',
  section: 'World News',
};
const caption = { caption: 'The joint liaison office in Kaesong opened on Friday.', credit: 'File Photo by Stephen Shaver/UPI', licenseUrl: 'https://www.upi.com/News_Photos/lp/' };
const headlines = [
  { title: 'Moon Jae-in arrives in Pyongyang for third summit', url: '/news/moon-jae-in-arrives-in-pyongyang', publishedAt: '2018-09-18T01:00:00Z', section: 'World News' },
  { title: 'Typhoon Mangkhut leaves dozens dead in the Philippines', url: 'https://example.com/news/typhoon-mangkhut', publishedAt: '2018-09-17' },
  { title: 'U.S. to impose tariffs on $200 billion in Chinese goods', url: '/news/tariffs-on-chinese-goods', publishedAt: '2018-09-17T22:15:00Z', section: 'Business' },
  { title: 'Hurricane Florence floods the Carolinas', url: '/news/hurricane-florence-floods', section: 'U.S. News' },
];
const day = (i) => `2018-09-${String((i % 28) + 1).padStart(2, '0')}T08:30:00Z`;

// The data changes on every render, as it does across a real page, so nothing can be reused between renders.
const cases = [
  ['news-article-card', (i) => renderArticleCard({ ...card, headline: `${card.headline} ${i}`, publishedAt: day(i) })],
  ['news-photo-caption', (i) => renderPhotoCaption({ ...caption, caption: `${caption.caption} ${i}` })],
  ['news-related-headlines (4 items)', (i) => renderRelatedHeadlines({ headlines: headlines.map((h) => ({ ...h, title: `${h.title} ${i}` })) })],
];

const results = [];
for (const [element, render] of cases) {
  for (let i = 0; i < 2_000; i++) render(i); // warm up the JIT and Lit's template caches
  let count = 0;
  let bytes = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 100; i++) bytes = render(count++).length;
    now = process.hrtime.bigint();
  }
  results.push({ element, rendersPerSecond: Math.round(count / (Number(now - start) / 1e9)), bytes });
}

if (asJson) {
  console.log(JSON.stringify({ node: process.version, seconds, results }, null, 2));
} else {
  console.log(`SSR renders per second (Node ${process.version}, one thread, ${seconds} s each, dist/ssr):`);
  for (const { element, rendersPerSecond, bytes } of results) {
    console.log(`  ${element.padEnd(34)} ${rendersPerSecond.toLocaleString('en-US').padStart(8)} renders/s   (${bytes} B of HTML each)`);
  }
}
if (results[0].rendersPerSecond < CARD_BUDGET) {
  console.error(`news-article-card: ${results[0].rendersPerSecond} renders/s is under the budget of ${CARD_BUDGET}`);
  process.exitCode = 1;
}
