import { type WireStory, formatDateline, parseWireStory, slugify } from '@newsroom/schema';
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload';

import { WIRE_WORKFLOW_STATUS } from '../collections/Articles/workflow';
import { paragraphsToLexical } from '../lib/lexical';

export type WireFile = { name: string; content: string | Uint8Array };
export type ParsedWireFile = { name: string; story: WireStory };
export type ImportedStory = { id: number | string; slug: string; status: 'draft' | 'published'; url: string };

/** A wire file that cannot be imported, with where and why. */
export class WireImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}: ${line ? `line ${line}: ` : ''}${problem}`);
    this.name = 'WireImportError';
  }
}

/**
 * Parses every file before anything is written, so one bad file stops the whole run.
 * Returns the stories, or throws an AggregateError of WireImportError naming each bad file.
 */
export function parseWireFiles(files: readonly WireFile[], options: { year?: number } = {}): ParsedWireFile[] {
  const parsed: ParsedWireFile[] = [];
  const errors: WireImportError[] = [];
  for (const file of files) {
    const result = parseWireStory(file.content, { year: options.year });
    if (result.ok) parsed.push({ name: file.name, story: result.story });
    else errors.push(new WireImportError(file.name, stripLinePrefix(result.error.message), result.error.line));
  }
  if (errors.length > 0) throw new AggregateError(errors, errors.map((e) => e.message).join('\n'));
  return parsed;
}

function stripLinePrefix(message: string): string {
  return message.replace(/^line \d+:\s*/i, '');
}

export type ImportOptions = {
  publish?: boolean;
  /** The reader site's origin, for the `url` of each imported story. */
  siteUrl?: string;
  /** The signed-in user importing from the admin; undefined for the CLI, which runs as the system. */
  user?: PayloadRequest['user'];
};

/**
 * Writes the stories in one transaction: every author and article of the run, or nothing.
 * Authors are matched by name (through their slug) and created when new.
 */
export async function importWireStories(
  payload: Payload,
  stories: readonly ParsedWireFile[],
  options: ImportOptions = {},
): Promise<ImportedStory[]> {
  const req = await createLocalReq({ user: options.user ?? undefined }, payload);
  const ownsTransaction = await initTransaction(req);
  try {
    const imported: ImportedStory[] = [];
    for (const { story } of stories) imported.push(await createArticle(payload, req, story, options));
    if (ownsTransaction) await commitTransaction(req);
    return imported;
  } catch (error) {
    await killTransaction(req);
    throw error;
  }
}

async function createArticle(
  payload: Payload,
  req: PayloadRequest,
  story: WireStory,
  options: ImportOptions,
): Promise<ImportedStory> {
  const authorIds: (number | string)[] = [];
  for (const name of story.authors) authorIds.push(await findOrCreateAuthor(payload, req, name));

  const publish = options.publish === true;
  const photo = story.photo;
  const doc = await payload.create({
    collection: 'articles',
    req,
    draft: !publish,
    overrideAccess: options.user === undefined,
    user: options.user ?? undefined,
    data: {
      headline: story.headline,
      authors: authorIds as never,
      dateline: {
        place: story.dateline.place ?? null,
        month: story.dateline.month,
        day: story.dateline.day,
        year: story.dateline.year ?? null,
        agency: story.dateline.agency ?? null,
      },
      hero: photo
        ? {
            alt: photo.alt ?? null,
            caption: photo.caption ?? null,
            credit: photo.credit ?? null,
            creator: photo.creator ?? null,
            copyright: photo.copyright ?? null,
            licenseUrl: photo.licenseUrl ?? null,
            licenseOffered: photo.licenseOffered ?? false,
          }
        : undefined,
      body: paragraphsToLexical(story.paragraphs) as never,
      adPositions: story.adPositions.map((position) =>
        position.placement === 'after-paragraph'
          ? { placement: position.placement, paragraph: position.paragraph }
          : { placement: position.placement },
      ),
      showLatestHeadlines: story.latestHeadlines,
      source: { kind: 'wire', agency: story.dateline.agency ?? null, importedAt: new Date().toISOString() },
      // Wire copy arrives written: it goes straight to an editor (collections/Articles/workflow.ts).
      workflowStatus: WIRE_WORKFLOW_STATUS,
      seo: { description: story.paragraphs[0]?.slice(0, 200) ?? null },
      _status: publish ? 'published' : 'draft',
      ...(publish ? { publishedAt: new Date().toISOString() } : {}),
    },
  });
  const slug = String(doc.slug);
  const siteUrl = (options.siteUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  return { id: doc.id, slug, status: publish ? 'published' : 'draft', url: `${siteUrl}/news/${slug}` };
}

async function findOrCreateAuthor(payload: Payload, req: PayloadRequest, name: string): Promise<number | string> {
  const slug = slugify(name);
  const existing = await payload.find({
    collection: 'authors',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  });
  const found = existing.docs[0];
  if (found) return found.id;
  const created = await payload.create({ collection: 'authors', data: { name, slug }, overrideAccess: true, req });
  return created.id;
}

/** "SEOUL, Oct. 2 (UPI)" — for previews in the admin. */
export function describeDateline(story: WireStory): string {
  return formatDateline(story.dateline);
}
