import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort, repoRoot, runCommand, seedFile, startCommand, type Started, waitForHttp } from './processes';

export const DEMO_PASSWORD = 'e2e-demo-password';
export const SEED_SLUG = 'beijing-inter-korea-liaison-office-a-sign-of-progress';
export const SEED_HEADLINE = 'Beijing: Inter-Korea liaison office a sign of progress';
/**
 * How soon a change must be on the site in these tests. The product's goal is 1 s, measured with a benchmark
 * (`npm run bench`, publish-to-visible p95, BENCHMARKS.md); a test on a loaded two-core CI machine allows half as
 * much again, so that it fails for a lost or slow revalidation and not for a busy scheduler.
 */
export const LIVE_WITHIN_MS = 1500;

const webDir = path.join(repoRoot, 'apps', 'web');

/**
 * The built CMS and reader site on a fresh SQLite file and free ports, wired to each other the way `npm start` wires
 * them (shared revalidation secret, CMS_URL, WEB_URL). One per spec file.
 */
export type Newsroom = {
  cmsBase: string;
  webBase: string;
  env: NodeJS.ProcessEnv;
  cms: Started;
  web: Started;
  /** Stops the CMS only (the site keeps serving from its cache). */
  stopCms(): Promise<void>;
  startCms(): Promise<void>;
  /** Stops the reader site only (the CMS's revalidations are then refused: connection refused). */
  stopWeb(): Promise<void>;
  /** Starts the reader site again on the same port, keeping what Next had cached on disk. */
  startWeb(): Promise<void>;
  stop(): Promise<void>;
};

export async function startNewsroom({ importSeed = true, cmsEnv = {} }: { importSeed?: boolean; cmsEnv?: Record<string, string> } = {}): Promise<Newsroom> {
  if (!existsSync(path.join(webDir, '.next', 'BUILD_ID'))) {
    throw new Error('apps/web is not built. Build it first: npx turbo run build (npm test does this).');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-web-e2e-'));
  const [cmsPort, webPort] = [await freePort(), await freePort()];
  const cmsBase = `http://127.0.0.1:${cmsPort}`;
  const webBase = `http://127.0.0.1:${webPort}`;
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: `file:${path.join(dir, 'newsroom.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    CMS_PORT: String(cmsPort),
    CMS_URL: cmsBase,
    CMS_PUBLIC_URL: cmsBase,
    PORT: String(webPort),
    WEB_URL: webBase,
    SITE_URL: webBase,
    REVALIDATE_SECRET: randomBytes(16).toString('hex'),
    DEMO_PASSWORD,
    CMS_RUN_JOBS: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    ...cmsEnv,
  };

  let cms = await launchCms(env, cmsBase);
  if (importSeed) {
    const run = await runCommand('npm', ['run', 'import', '--', '--publish', seedFile], env);
    if (run.code !== 0) throw new Error(`seed import failed:\n${run.stderr}`);
  }
  // Like a fresh deploy: no pages or data cached by an earlier run against another database.
  for (const cache of ['.next/server/route-cache', '.next/cache/fetch-cache']) rmSync(path.join(webDir, cache), { recursive: true, force: true });
  let web = await launchWeb(env, webBase);
  // What the seeding revalidated while the site was not up yet is delivered before any test runs, not at a retry that
  // would purge pages in the middle of one.
  await revalidationsDelivered(cmsBase, env);

  const newsroom: Newsroom = {
    cmsBase,
    webBase,
    env,
    get cms() {
      return cms;
    },
    get web() {
      return web;
    },
    stopCms: () => cms.stop(),
    startCms: async () => {
      cms = await launchCms(env, cmsBase);
    },
    stopWeb: () => web.stop(),
    startWeb: async () => {
      web = await launchWeb(env, webBase);
    },
    stop: async () => {
      await Promise.all([web.stop(), cms.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return newsroom;
}

/** Asks the CMS to deliver every revalidation still queued (as the site does when it starts) until none is left. */
async function revalidationsDelivered(cmsBase: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${cmsBase}/api/revalidation/redeliver`, { method: 'POST', headers: { 'x-revalidate-secret': env.REVALIDATE_SECRET! } });
    last = await response.text();
    if (response.ok && (JSON.parse(last) as { waiting: number }).waiting === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`revalidations still queued after ${timeoutMs} ms: ${last}`);
}

async function launchWeb(env: NodeJS.ProcessEnv, base: string): Promise<Started> {
  const web = startCommand(process.execPath, [path.join(webDir, 'scripts', 'serve.mjs')], { ...env, NODE_ENV: 'production' }, webDir);
  await waitForHttp(`${base}/robots.txt`, web, 60_000);
  return web;
}

async function launchCms(env: NodeJS.ProcessEnv, base: string): Promise<Started> {
  const cms = startCommand('npm', ['run', 'start', '-w', '@newsroom/cms'], env);
  await waitForHttp(`${base}/api/articles?limit=1`, cms, 180_000);
  return cms;
}

/** A REST token for a demo account. */
export async function apiToken(cmsBase: string, email = 'editor@example.com', password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${cmsBase}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const json = (await response.json()) as { token?: string };
  if (!json.token) throw new Error(`login failed for ${email}: ${response.status}`);
  return json.token;
}

/** Lexical JSON for plain paragraphs, exactly as the CMS's own import stores a body. */
export { paragraphsToLexical as lexicalBody } from '../../apps/cms/src/lib/lexical';

export type ArticleDoc = { id: number; slug: string; headline: string; _status: string };

/** Calls the CMS REST API as an editor. */
export class CmsApi {
  constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  static async as(base: string, email = 'editor@example.com', password = DEMO_PASSWORD): Promise<CmsApi> {
    return new CmsApi(base, await apiToken(base, email, password));
  }

  async request<T>(method: string, apiPath: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${apiPath}`, {
      method,
      headers: { Authorization: `JWT ${this.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${apiPath} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Creates an article; `draft` keeps it unpublished. */
  async createArticle(data: Record<string, unknown>, { draft = false }: { draft?: boolean } = {}): Promise<ArticleDoc> {
    const result = await this.request<{ doc: ArticleDoc }>('POST', `/api/articles?depth=0${draft ? '&draft=true' : ''}`, {
      _status: draft ? 'draft' : 'published',
      ...data,
    });
    return result.doc;
  }

  async updateArticle(id: number, data: Record<string, unknown>, { draft = false }: { draft?: boolean } = {}): Promise<ArticleDoc> {
    return (await this.request<{ doc: ArticleDoc }>('PATCH', `/api/articles/${id}?depth=0${draft ? '&draft=true' : ''}`, data)).doc;
  }

  deleteArticle(id: number): Promise<unknown> {
    return this.request('DELETE', `/api/articles/${id}`);
  }

  async findArticleId(slug: string): Promise<number> {
    const result = await this.request<{ docs: ArticleDoc[] }>('GET', `/api/articles?where[slug][equals]=${slug}&depth=0&draft=true`);
    if (!result.docs[0]) throw new Error(`no article ${slug}`);
    return result.docs[0].id;
  }
}

/** Polls `check` until it is true; returns the milliseconds it took, or throws after `timeoutMs`. */
export async function timeUntil(check: (() => Promise<boolean>) & { label?: string }, timeoutMs = 10_000, intervalMs = 25): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${check.label ?? 'condition'} not met within ${timeoutMs} ms`);
}

/** Names a check for {@link timeUntil}'s error message. */
export function labelled(label: string, check: () => Promise<boolean>): (() => Promise<boolean>) & { label: string } {
  return Object.assign(check, { label });
}

/** The HTML of a site path (no browser). */
export async function fetchText(url: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}
