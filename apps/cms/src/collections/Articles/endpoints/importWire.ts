import type { Endpoint } from 'payload';

import { importWireStories, parseWireFiles, type WireImportError } from '../../../import/wire-import';

type ImportBody = { text?: unknown; base64?: unknown; filename?: unknown; year?: unknown };

/**
 * POST /api/articles/import-wire — the admin's "Import wire story": the CLI's parser and transaction,
 * run as the signed-in user, so a contributor's import is their own draft.
 * Body: `{ text }` (pasted) or `{ base64, filename }` (a dropped file, bytes kept so binary is caught), optional `year`.
 */
export const importWireEndpoint: Endpoint = {
  path: '/import-wire',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Sign in to import wire stories.' }] }, { status: 401 });
    let body: ImportBody;
    try {
      body = ((await req.json?.()) ?? {}) as ImportBody;
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
    return Response.json(
      { doc: story, adminUrl: `${req.payload.config.routes.admin}/collections/articles/${story!.id}` },
      { status: 201 },
    );
  },
};
