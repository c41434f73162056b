// Once the site answers (at start, and after Next restarts), it asks the CMS to deliver now what it could not deliver
// while the site was down: `POST ${CMS_URL}/api/revalidation/redeliver` with the revalidation secret the two share.
// Without it, what changed during an outage reaches the site at the CMS's next retry, up to two minutes later.

export const REDELIVER_PATH = '/api/revalidation/redeliver';

/**
 * Asks the CMS to redeliver; resolves with what it said (or why not). Never throws, and says nothing when it works.
 * @param {{ cmsUrl?: string, secret?: string, timeoutMs?: number, fetchImpl?: typeof fetch, log?: (line: string) => void }} options
 * @returns {Promise<{ ok: boolean, waiting?: number, error?: string }>}
 */
export async function askCmsToRedeliver({
  cmsUrl = process.env.CMS_URL ?? 'http://127.0.0.1:3001',
  secret = process.env.REVALIDATE_SECRET?.trim(),
  timeoutMs = 35_000,
  fetchImpl = fetch,
  log = (line) => console.error(line),
} = {}) {
  if (!secret) return { ok: false, error: 'no REVALIDATE_SECRET' };
  const url = `${cmsUrl.replace(/\/+$/, '')}${REDELIVER_PATH}`;
  try {
    const response = await fetchImpl(url, { method: 'POST', headers: { 'x-revalidate-secret': secret }, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = `the CMS answered ${response.status}${typeof body?.error === 'string' ? `: ${body.error}` : ''}`;
      log(`revalidation catch-up: ${error}`);
      return { ok: false, error };
    }
    return { ok: true, ...(typeof body?.waiting === 'number' ? { waiting: body.waiting } : {}) };
  } catch (error) {
    // The CMS is down or slow: its own retries and its every-minute sweep deliver what is waiting.
    const message = `${error instanceof Error ? error.message : String(error)} (${url})`;
    log(`revalidation catch-up: the CMS did not answer: ${message}`);
    return { ok: false, error: message };
  }
}
