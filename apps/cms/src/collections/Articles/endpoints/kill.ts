import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload';

import { isEditorOrAdmin, roleOf } from '../../../access/roles';
import { queueEmbargoLift } from '../../../jobs/liftEmbargo';
import { recordRevalidation } from '../../../jobs/outbox';
import { readBoundedText } from '../../../lib/bounded-body';
import { recordAudit } from '../../AuditLog';
import { articleChangeTags } from '../hooks/revalidate';

/**
 * Killing a story: it leaves every reader-facing read at once (access/isPublishedOrStaff.ts excludes killed stories),
 * its content and history stay, and who killed it, when and why are kept on it (`killedAt`, `killedBy`, `killReason`).
 * An admin can restore it. The reader site asks `GET /api/articles/gone/:slug` to answer 410 for a killed story.
 */

export const KILL_REASON_MAX = 1000;
/** Room for a 1,000-character reason however it is escaped in JSON (a character can take 12 bytes), and no more. */
export const KILL_BODY_LIMIT = 16 * 1024;

type ID = number | string;
export type LiveRow = {
  id: ID;
  slug?: string | null;
  _status?: string | null;
  killedAt?: string | null;
  embargoedUntil?: string | null;
  section?: ID | null;
  authors?: ID[] | null;
};

const error = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status });

type Reason = { ok: true; reason: string | null } | { ok: false; response: Response };

/** The body's `reason`: required for a kill, optional for a restore; trimmed, at most {@link KILL_REASON_MAX} characters. */
async function readReason(req: PayloadRequest, required: boolean): Promise<Reason> {
  const read = await readBoundedText(req as { headers: Headers; body?: ReadableStream<Uint8Array> | null }, KILL_BODY_LIMIT);
  if (!read.ok) return { ok: false, response: error(413, read.message) };
  let body: unknown = {};
  if (read.text.trim() !== '') {
    try {
      body = JSON.parse(read.text);
    } catch {
      return { ok: false, response: error(400, 'The request body is not JSON. Send {"reason": "…"}.') };
    }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, response: error(400, 'The request body must be a JSON object: {"reason": "…"}.') };
  }
  const raw = (body as { reason?: unknown }).reason;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return { ok: false, response: error(400, 'The reason must be text.') };
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (!reason) {
    if (required) return { ok: false, response: error(400, 'A reason is required: say why the story is killed.') };
    return { ok: true, reason: null };
  }
  const length = [...reason].length;
  if (length > KILL_REASON_MAX) {
    return { ok: false, response: error(400, `The reason is ${length} characters long; at most ${KILL_REASON_MAX} are allowed.`) };
  }
  return { ok: true, reason };
}

function routeId(req: PayloadRequest): ID | undefined {
  const raw = req.routeParams?.id;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw);
  if (req.payload.db.defaultIDType === 'number') return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
  return text || undefined;
}

/** Runs `work` in one transaction on `req`: the change, its audit entry and its revalidation commit together. */
async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const owns = await initTransaction(req);
  try {
    const result = await work();
    if (owns) await commitTransaction(req);
    return result;
  } catch (err) {
    await killTransaction(req);
    throw err;
  }
}

type KillState = { killedAt: string | null; killedBy: ID | null; killReason: string | null };

/**
 * Writes the kill state on the live row and on the latest version — the one a `draft` read and the next save start
 * from — without touching anything else of the story (no new version, a pending draft stays pending). Later saves
 * carry it on (workflow.ts `keepKillState`).
 */
async function writeKillState(req: PayloadRequest, id: ID, state: KillState): Promise<void> {
  const { payload } = req;
  const updatedAt = new Date().toISOString();
  await payload.db.updateOne({ collection: 'articles', id, data: { ...state, updatedAt }, req, returning: false });
  const latest = await payload.db.findVersions({
    collection: 'articles',
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  });
  const version = latest.docs[0];
  if (version) {
    await payload.db.updateVersion({
      collection: 'articles',
      id: version.id,
      versionData: { version: state, updatedAt } as never,
      req,
      returning: false,
    });
  }
}

async function liveRow(req: PayloadRequest, id: ID): Promise<LiveRow | null> {
  return (await req.payload.db.findOne({ collection: 'articles', where: { id: { equals: id } }, joins: false as never, req })) as LiveRow | null;
}

/** The story, the lists, its sections and authors, and the headlines (which may point to it). */
async function storyTags(req: PayloadRequest, row: LiveRow): Promise<string[]> {
  return [...(await articleChangeTags(req, { ...row, _status: 'published' })), 'headlines'];
}

/**
 * Kills a published story on `req`'s transaction: the kill state, what the site must re-read and the audit entry.
 * `killedBy` is null when the system kills it (a wire item the agency canceled). Returns the time of the kill.
 */
export async function killStory(req: PayloadRequest, row: LiveRow, reason: string | null, killedBy: ID | null): Promise<string> {
  const killedAt = new Date().toISOString();
  await writeKillState(req, row.id, { killedAt, killedBy, killReason: reason });
  await recordRevalidation(req, await storyTags(req, row));
  await recordAudit(req, { action: 'killed', article: { id: row.id, slug: row.slug }, reason });
  return killedAt;
}

/** POST /api/articles/:id/kill `{ "reason": "…" }` — editors and admins. */
export const killArticleEndpoint: Endpoint = {
  path: '/:id/kill',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in to kill a story.');
    if (!isEditorOrAdmin(req.user)) return error(403, 'Only editors and admins kill stories.');
    const parsed = await readReason(req, true);
    if (!parsed.ok) return parsed.response;
    const id = routeId(req);
    if (id === undefined) return error(404, 'No such story.');
    const user = req.user;
    return inTransaction(req, async () => {
      const row = await liveRow(req, id);
      if (!row) return error(404, 'No such story.');
      if (row.killedAt) return error(409, `This story was already killed at ${row.killedAt}.`);
      if (row._status !== 'published') return error(409, 'Only a published story can be killed; a draft can be deleted instead.');
      const killedAt = await killStory(req, row, parsed.reason, user.id);
      return Response.json({ id, slug: row.slug ?? null, killedAt, killReason: parsed.reason });
    });
  },
};

/** POST /api/articles/:id/restore (optional `{ "reason": "…" }`) — admins only. */
export const restoreArticleEndpoint: Endpoint = {
  path: '/:id/restore',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in to restore a story.');
    if (roleOf(req.user) !== 'admin') return error(403, 'Only admins restore killed stories.');
    const parsed = await readReason(req, false);
    if (!parsed.ok) return parsed.response;
    const id = routeId(req);
    if (id === undefined) return error(404, 'No such story.');
    return inTransaction(req, async () => {
      const row = await liveRow(req, id);
      if (!row) return error(404, 'No such story.');
      if (!row.killedAt) return error(409, 'This story is not killed.');
      await writeKillState(req, id, { killedAt: null, killedBy: null, killReason: null });
      if (row._status === 'published') {
        await recordRevalidation(req, await storyTags(req, row));
        // An embargo that has not lifted yet still holds: its lift is queued again.
        await queueEmbargoLift(req, { ...row, killedAt: null });
      }
      await recordAudit(req, { action: 'restored', article: { id, slug: row.slug }, reason: parsed.reason });
      return Response.json({ id, slug: row.slug ?? null, killedAt: null });
    });
  },
};

const MAX_SLUG_LENGTH = 400;

/**
 * GET /api/articles/gone/:slug — public: 200 `{ slug, killedAt }` when the story with that slug is killed, else 404.
 * Nothing else about the story: not its content, nor why or by whom.
 */
export const goneArticleEndpoint: Endpoint = {
  path: '/gone/:slug',
  method: 'get',
  handler: async (req) => {
    const slug = req.routeParams?.slug;
    const notGone = () => Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
    if (typeof slug !== 'string' || slug === '' || slug.length > MAX_SLUG_LENGTH) return notGone();
    const found = await req.payload.find({
      collection: 'articles',
      where: { and: [{ slug: { equals: slug } }, { killedAt: { exists: true } }] },
      select: { slug: true, killedAt: true },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    });
    const story = found.docs[0] as { slug?: string | null; killedAt?: string | null } | undefined;
    if (!story?.killedAt || !story.slug) return notGone();
    return Response.json({ slug: story.slug, killedAt: story.killedAt }, { headers: { 'Cache-Control': 'no-store' } });
  },
};

/**
 * GET /api/articles/assignees — staff: who a story can be assigned to, as `{ id, label, role }` (name, else email).
 * Editors cannot read other accounts (users are private), yet they assign stories to reporters; this is all of an
 * account that planning needs.
 */
export const assigneesEndpoint: Endpoint = {
  path: '/assignees',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in to see the newsroom.');
    if (!roleOf(req.user)) return error(403, 'Staff only.');
    const users = await req.payload.find({
      collection: 'users',
      select: { email: true, name: true, role: true },
      sort: 'email',
      depth: 0,
      limit: 1000,
      pagination: false,
      overrideAccess: true,
      req,
    });
    const docs = (users.docs as { id: ID; email?: string | null; name?: string | null; role?: string | null }[]).map((user) => ({
      id: user.id,
      label: user.name?.trim() || user.email || String(user.id),
      role: user.role ?? null,
    }));
    return Response.json({ docs }, { headers: { 'Cache-Control': 'no-store' } });
  },
};
