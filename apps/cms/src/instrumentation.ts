/**
 * Starts Payload with its job crons as soon as the CMS server starts, so scheduled publishing runs
 * even when nobody has opened the admin since the last restart.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.CMS_RUN_JOBS === 'false') return;
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('./payload.config')]);
  await getPayload({ config, cron: true });
}
