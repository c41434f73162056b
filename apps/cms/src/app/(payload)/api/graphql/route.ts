import config from '@payload-config';
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes';

import { limitingBodies } from '../../../../lib/request-limits';

const graphql = GRAPHQL_POST(config);

// Queries are size-limited like every other body (lib/request-limits.ts).
export const POST = limitingBodies((request) => graphql(request));
export const OPTIONS = REST_OPTIONS(config);
