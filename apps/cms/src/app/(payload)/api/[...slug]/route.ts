import config from '@payload-config';
import '@payloadcms/next/css';
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes';
import { getPayload } from 'payload';

import { answeringDatabaseOutages } from '../../../../lib/database-outage';
import { limitingBodies } from '../../../../lib/request-limits';

// Every body is size-limited (lib/request-limits.ts); a database outage answers 503 with Retry-After, not Payload's
// generic 500 (lib/database-outage.ts).
const running = () => getPayload({ config });

export const GET = answeringDatabaseOutages(REST_GET(config), running);
export const POST = limitingBodies(answeringDatabaseOutages(REST_POST(config), running));
export const DELETE = limitingBodies(answeringDatabaseOutages(REST_DELETE(config), running));
export const PATCH = limitingBodies(answeringDatabaseOutages(REST_PATCH(config), running));
export const PUT = limitingBodies(answeringDatabaseOutages(REST_PUT(config), running));
export const OPTIONS = REST_OPTIONS(config);
