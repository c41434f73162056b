import { randomBytes } from 'node:crypto';

import { slugify } from '@newsroom/schema';
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload';

import { isLongEnough, MIN_PASSWORD_LENGTH } from '../access/passwordPolicy';
import type { Role } from '../access/roles';
import type { DatabaseTarget } from '../lib/database-url';
import { paragraphsToLexical } from '../lib/lexical';
import { DEMO_AD_SLOTS, DEMO_AUTHORS, DEMO_SECTIONS, DEMO_STORIES, type DemoStory } from './demo-content';
import { demoPhoto } from './demo-photos';

/** The terms the demo photos are filed with. */
export const DEMO_USAGE_TERMS = 'Editorial use with the credit line as printed. No resale, no archiving by third parties.';

/**
 * A demo story's photo in the media library: drawn by the seed with its rights in the file, uploaded with only its
 * alt text, so the upload fills caption, creator, credit, copyright and terms from the file itself.
 */
async function uploadDemoPhoto(payload: Payload, req: PayloadRequest, story: DemoStory & { photo: NonNullable<DemoStory['photo']> }, year: number) {
  const { photo } = story;
  const data = await demoPhoto(photo.scene, {
    creator: photo.creator,
    credit: photo.credit,
    copyright: `© ${year} Newsroom Daily`,
    caption: photo.caption,
    usageTerms: DEMO_USAGE_TERMS,
  });
  return payload.create({
    collection: 'media',
    req,
    overrideAccess: true,
    depth: 0,
    data: { alt: photo.alt },
    file: { data, mimetype: 'image/jpeg', name: `${photo.scene}.jpg`, size: data.length },
  });
}

export const DEMO_ACCOUNTS: { email: string; role: Role; name: string }[] = [
  { email: 'admin@example.com', role: 'admin', name: 'Demo Admin' },
  { email: 'editor@example.com', role: 'editor', name: 'Demo Editor' },
  { email: 'contributor@example.com', role: 'contributor', name: 'Demo Contributor' },
];

export type SeedReport = {
  /** Accounts created by this run. */
  createdAccounts: string[];
  /** The password each of those accounts was given (by email); nothing for accounts that already existed. */
  passwords: Record<string, string>;
  created: { sections: number; authors: number; articles: number; adSlots: number; headlines: number };
};

/**
 * Whether `npm start` seeds the demo accounts and stories. `SEED_DEMO=false` never does and
 * `SEED_DEMO=true` always does; unset, a SQLite database (a local try-out) is seeded and a
 * PostgreSQL one (a real deployment) is not, so production never gets demo logins by accident.
 */
export function shouldSeedDemo(dialect: DatabaseTarget['dialect'], env: Record<string, string | undefined> = process.env): boolean {
  const setting = env.SEED_DEMO?.trim().toLowerCase();
  if (setting === 'false') return false;
  if (setting === 'true') return true;
  return dialect === 'sqlite';
}

/** A random password of 16 URL-safe characters (96 bits). */
export function randomDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The login lines `npm start` prints, one per demo account: the password for an account made by
 * this run (printed this once), a reminder for one that already existed.
 */
export function demoLoginLines(report: Pick<SeedReport, 'passwords'>): string[] {
  return DEMO_ACCOUNTS.map((account) => {
    const password = report.passwords[account.email];
    return `  ${account.role.padEnd(12)} ${account.email.padEnd(26)} ${password ? `password: ${password}` : '(password as printed when it was created)'}`;
  });
}

/**
 * Demo accounts and content for a fresh install. Idempotent: whatever already exists (matched by
 * email, slug or name) is left as it is, so a second start adds nothing. One transaction.
 */
export async function seedDemo(payload: Payload, options: { password?: string } = {}): Promise<SeedReport> {
  const req = await createLocalReq({}, payload);
  const ownsTransaction = await initTransaction(req);
  try {
    const report = await seedInside(payload, req, options);
    if (ownsTransaction) await commitTransaction(req);
    return report;
  } catch (error) {
    await killTransaction(req);
    throw error;
  }
}

async function seedInside(payload: Payload, req: PayloadRequest, options: { password?: string }): Promise<SeedReport> {
  const system = { req, overrideAccess: true, depth: 0 } as const;
  const created = { sections: 0, authors: 0, articles: 0, adSlots: 0, headlines: 0 };
  if (options.password && !isLongEnough(options.password)) {
    throw new Error(`DEMO_PASSWORD needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }

  const createdAccounts: string[] = [];
  const passwords: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: account.email } }, ...system });
    if (totalDocs > 0) continue;
    // One password for all only when the operator chose it; otherwise each account its own.
    const password = options.password || randomDemoPassword();
    await payload.create({ collection: 'users', data: { ...account, password }, ...system });
    createdAccounts.push(account.email);
    passwords[account.email] = password;
  }

  const sectionIds = new Map<string, number | string>();
  for (const section of DEMO_SECTIONS) {
    const found = await payload.find({ collection: 'sections', where: { slug: { equals: section.slug } }, limit: 1, ...system });
    const doc = found.docs[0] ?? (created.sections++, await payload.create({ collection: 'sections', data: section, ...system }));
    sectionIds.set(section.slug, doc.id);
  }

  const authorIds = new Map<string, number | string>();
  for (const author of DEMO_AUTHORS) {
    const found = await payload.find({ collection: 'authors', where: { slug: { equals: author.slug } }, limit: 1, ...system });
    const doc = found.docs[0] ?? (created.authors++, await payload.create({ collection: 'authors', data: author, ...system }));
    authorIds.set(author.name, doc.id);
  }

  const articleIds: (number | string)[] = [];
  const now = Date.now();
  for (const [index, story] of DEMO_STORIES.entries()) {
    const slug = slugify(story.headline);
    const found = await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, limit: 1, draft: true, ...system });
    if (found.docs[0]) {
      articleIds.push(found.docs[0].id);
      continue;
    }
    const year = new Date(now).getUTCFullYear();
    const media = story.photo ? await uploadDemoPhoto(payload, req, story as DemoStory & { photo: NonNullable<DemoStory['photo']> }, year) : undefined;
    const doc = await payload.create({
      collection: 'articles',
      ...system,
      data: {
        headline: story.headline,
        slug,
        dek: story.dek,
        authors: story.authors.map((name) => authorIds.get(name)!) as never,
        section: sectionIds.get(story.section) as never,
        tags: story.tags,
        dateline: { ...story.dateline, year },
        // Caption, credit and rights come from the photo's own record (read from its file); the story adds nothing.
        hero: story.photo && media ? { image: media.id as never, licenseOffered: story.photo.licenseOffered } : undefined,
        body: paragraphsToLexical(story.paragraphs) as never,
        adPositions: story.adPositions,
        showLatestHeadlines: true,
        _status: 'published',
        workflowStatus: 'ready',
        // Spread over the last hours so "latest" has an order.
        publishedAt: new Date(now - (index + 1) * 3_600_000).toISOString(),
      },
    });
    created.articles++;
    articleIds.push(doc.id);
  }

  for (const slot of DEMO_AD_SLOTS) {
    const { totalDocs } = await payload.count({ collection: 'ad-slots', where: { name: { equals: slot.name } }, ...system });
    if (totalDocs > 0) continue;
    await payload.create({ collection: 'ad-slots', data: structuredClone(slot) as never, ...system });
    created.adSlots++;
  }

  const curated = [
    { title: 'Editors’ pick: how the oyster-reef seawall will work', article: articleIds[0], pinned: true, order: 1 },
    { title: 'Explainer: what small satellites can and cannot do', article: articleIds[1], pinned: false, order: 2 },
  ];
  for (const headline of curated) {
    if (headline.article === undefined) continue;
    const { totalDocs } = await payload.count({ collection: 'headlines', where: { title: { equals: headline.title } }, ...system });
    if (totalDocs > 0) continue;
    await payload.create({ collection: 'headlines', data: headline as never, ...system });
    created.headlines++;
  }

  return { createdAccounts, passwords, created };
}
