import { MAX_WIRE_TEXT_BYTES } from '@newsroom/schema';
import type { Endpoint } from 'payload';

import { importWireStories, parseWireFiles, type WireImportError } from '../../../import/wire-import';
import { formatBytes, readBoundedText } from '../../../lib/bounded-body';

type ImportBody = { text?: unknown; base64?: unknown; filename?: unknown; year?: unknown };

/**
 * 1 MiB: room for the parser's largest input (512 KiB) sent as base64 (4/3 of it) or as JSON-escaped text, and no
 * more — the body is held in memory while it is parsed.
 */
export const IMPORT_BODY_LIMIT = 1024 * 1024;

/**
 * POST /api/articles/import-wire — the admin's "Import wire story": the CLI's parser and transaction,
 * run as the signed-in user, so a contributor's import is their own draft.
 * Body: `{ text }` (pasted) or `{ base64, filename }` (a dropped file, bytes kept so binary is caught), optional `year`.
 * Wire text and ninjs JSON are both taken (import/wire-files.ts tells them apart); a ninjs item imported before is
 * updated in place when its version is higher, else left unchanged (`doc.status` says which).
 * At most {@link IMPORT_BODY_LIMIT} of JSON (413 beyond it, read no further); the parser then refuses wire copy over
 * its own limit (512 KiB) with a 400 that names it.
 */
export const importWireEndpoint: Endpoint = {
  path: '/import-wire',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Sign in to import wire stories.' }] }, { status: 401 });
    const read = await readBoundedText(req, IMPORT_BODY_LIMIT);
    if (!read.ok) {
      const message = `${read.message} Wire copy itself is limited to ${formatBytes(MAX_WIRE_TEXT_BYTES)}; import one story at a time.`;
      return Response.json({ errors: [{ message }] }, { status: 413 });
    }
    let body: ImportBody;
    try {
      body = (JSON.parse(read.text) ?? {}) as ImportBody;
    } catch {
      return Response.json({ errors: [{ message: 'The request body is not JSON.' }] }, { status: 400 });
    }
    const name = typeof body.filename === 'string' && body.filename.trim() ? body.filename.trim() : 'pasted text';
    const content =
      typeof body.base64 === 'string' ? new Uint8Array(Buffer.from(body.base64, 'base64')) : typeof body.text === 'string' ? body.text : '';
    const year = typeof body.year === 'number' && Number.isInteger(body.year) ? body.year : undefined;

    let parsed;
    try {
      parsed = parseWireFiles([{ name, content }], { year });
    } catch (error) {
      const errors = error instanceof AggregateError ? (error.errors as WireImportError[]) : [error as WireImportError];
      return Response.json(
        { errors: errors.map((e) => ({ message: e.message, line: e.line ?? null })), created: false },
        { status: 400 },
      );
    }
    const [story] = await importWireStories(req.payload, parsed, {
      user: req.user,
      siteUrl: process.env.WEB_URL ?? 'http://localhost:3000',
    });
    const adminUrl = story!.id === null ? null : `${req.payload.config.routes.admin}/collections/articles/${story!.id}`;
    // 201 for a new story; 200 when an item imported before was updated, taken down, killed or left unchanged.
    return Response.json(
      { doc: story, adminUrl, warnings: parsed[0]!.warnings ?? [] },
      { status: story!.change === 'created' ? 201 : 200 },
    );
  },
};
