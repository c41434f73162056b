/**
 * Tells the edge in front of the web tier which surrogate keys to drop, once the pages showing them are re-rendered.
 * `EDGE_PURGE_URL` names it (Varnish with xkey in `npm run start:cluster`; a CDN's purge-by-key endpoint in
 * production, docs/deploy.md). Without it there is nothing to tell: the single-box front door (scripts/edge/) sees the
 * revalidation pass through and purges by itself.
 */
export async function purgeEdge(keys: readonly string[], url = process.env.EDGE_PURGE_URL): Promise<{ purged: boolean; error?: string }> {
  if (!url || keys.length === 0) return { purged: false };
  // Varnish's xkey takes a space-separated list; keep each request's header well under common header limits.
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 100) batches.push(keys.slice(i, i + 100));
  try {
    for (const batch of batches) {
      const response = await fetch(url, { method: 'PURGE', headers: { xkey: batch.join(' ') }, signal: AbortSignal.timeout(5000), cache: 'no-store' });
      if (!response.ok) return { purged: false, error: `edge answered ${response.status}` };
    }
    return { purged: true };
  } catch (error) {
    return { purged: false, error: (error as Error).message };
  }
}
