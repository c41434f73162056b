// Next's cache in Redis, for more than one web instance (`npm run start:cluster`, docs/adr/0016): a page or data entry
// one instance renders is a hit on every other, and a revalidated tag is revalidated for all. Used only when
// REDIS_URL is set (next.config.ts); otherwise Next keeps its cache on the local disk as usual.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from 'redis';

CacheHandler.onCreation(async () => {
  const client = createClient({
    url: process.env.REDIS_URL,
    // Readers keep getting pages when Redis is away: a failed lookup is a miss, and the client reconnects by itself.
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 200, 2000) },
  });
  client.on('error', () => {});
  await client.connect();
  return {
    handlers: [
      createRedisHandler({
        client,
        // One Redis may hold several sites or databases: everything of this one under its prefix.
        keyPrefix: `${process.env.CACHE_KEY_PREFIX ?? 'newsroom'}:`,
        timeoutMs: 1000,
      }),
    ],
  };
});

export default CacheHandler;
