import { createHmac, timingSafeEqual } from 'node:crypto';

import { INTENDED_USES, LICENSE_REQUEST_EMAIL, LICENSE_REQUEST_FIELD_LIMITS, LICENSE_REQUEST_HONEYPOT } from '@newsroom/schema';
import { LRUCache } from 'lru-cache';
import { APIError, type CollectionBeforeOperationHook, type CollectionConfig, type Payload, ValidationError } from 'payload';

import { isEditor } from '../access/hasRole';
import { clientAddress } from '../access/signInLimiter';
import { revalidationTarget } from '../jobs/revalidate';

export const LICENSE_REQUESTS = 'license-requests';

/**
 * Anyone may ask to license a photo; nobody but the desk reads the asks. A request from a reader is limited twice:
 * per reader, and for the whole process — with one overall allowance for requests the site vouches for and another
 * for everything else, so that a client calling the CMS directly cannot use up the readers'.
 */
export const LICENSE_REQUEST_LIMITS = {
  perClient: 5,
  perClientWindowMs: 10 * 60 * 1000,
  overall: 120,
  overallWindowMs: 60 * 1000,
  maxTracked: 10_000,
} as const;


type Window = { count: number; resetAt: number };

/** The HMAC of a reader's address under the secret the site and the CMS share (the revalidation secret), hex. */
export function readerSignature(address: string, secret: string): string {
  return createHmac('sha256', secret).update(address).digest('hex');
}

/**
 * Who a request is from: the reader's address the site sends (`x-reader-address`), when its `x-reader-signature`
 * proves the site sent it; otherwise the address the nearest proxy gives, which a direct caller can choose.
 */
export function requester(headers: Headers, secret = revalidationTarget()?.secret): { address: string; viaSite: boolean } {
  const address = headers.get('x-reader-address')?.trim();
  const signature = headers.get('x-reader-signature')?.trim();
  if (secret && address && signature && address.length <= 64 && /^[0-9a-f]{64}$/i.test(signature)) {
    const expected = Buffer.from(readerSignature(address, secret), 'hex');
    if (timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { address, viaSite: true };
  }
  return { address: clientAddress(headers), viaSite: false };
}

class RequestCounter {
  private readonly clients: LRUCache<string, Window>;
  private readonly overall = { site: { count: 0, resetAt: 0 }, direct: { count: 0, resetAt: 0 } };

  constructor(
    private readonly limits: typeof LICENSE_REQUEST_LIMITS = LICENSE_REQUEST_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.clients = new LRUCache<string, Window>({ max: limits.maxTracked, ttl: limits.perClientWindowMs });
  }

  /** Counts one request; false when the reader or the process (for its kind of request) is over its limit. */
  admit({ address, viaSite }: { address: string; viaSite: boolean }): boolean {
    const now = this.now();
    const kind = viaSite ? 'site' : 'direct';
    if (this.overall[kind].resetAt <= now) this.overall[kind] = { count: 0, resetAt: now + this.limits.overallWindowMs };
    const overall = this.overall[kind];
    const key = `${kind}:${address}`;
    const own = this.clients.get(key);
    const window = own && own.resetAt > now ? own : { count: 0, resetAt: now + this.limits.perClientWindowMs };
    if (window.count >= this.limits.perClient || overall.count >= this.limits.overall) return false;
    window.count += 1;
    overall.count += 1;
    this.clients.set(key, window);
    return true;
  }
}

const counters: WeakMap<Payload, RequestCounter> = ((globalThis as Record<symbol, unknown>)[Symbol.for('newsroom.licenseRequestCounters')] ??=
  new WeakMap<Payload, RequestCounter>()) as WeakMap<Payload, RequestCounter>;

function counterFor(payload: Payload): RequestCounter {
  let counter = counters.get(payload);
  if (!counter) counters.set(payload, (counter = new RequestCounter()));
  return counter;
}

const TOO_MANY_REQUESTS = 429;

/**
 * A reader's request (no signed-in user): refused when the trap field is filled, or when the client or the process
 * is over its limit; what the reader may not set (status, notes) is cleared.
 */
const guardReaderRequests: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' || req.user) return args;
  const data = ((args as { data?: Record<string, unknown> }).data ??= {});
  const trap = data[LICENSE_REQUEST_HONEYPOT];
  if (typeof trap === 'string' ? trap.trim() !== '' : trap != null) throw new APIError('This request was refused.', 400);
  if (!counterFor(req.payload).admit(requester(req.headers))) {
    throw new APIError('Too many licensing requests from here; please try again in a few minutes.', TOO_MANY_REQUESTS);
  }
  delete data[LICENSE_REQUEST_HONEYPOT];
  delete data.status;
  delete data.notes;
  // The photo (or story) must be one the reader may see: an unknown or hidden id is a 400 naming it, not a 500.
  for (const [field, collection] of [
    ['photo', 'media'],
    ['article', 'articles'],
  ] as const) {
    const id = data[field];
    if (id == null) continue;
    const found =
      (typeof id === 'number' || typeof id === 'string') &&
      (await req.payload.findByID({ collection, id, req, overrideAccess: false, depth: 0, disableErrors: true, select: {} }).catch(() => null));
    if (!found) throw new ValidationError({ collection: LICENSE_REQUESTS, errors: [{ path: field, message: `No such ${field === 'photo' ? 'photo' : 'story'} to license` }], req });
  }
  return args;
};

/** A text field's check (a custom `validate` replaces Payload's own, so `required` is checked here too). */
const textOfAtMost =
  (limit: number, label: string, { required = false } = {}) =>
  (value: unknown) => {
    const blank = value == null || (typeof value === 'string' && value.trim() === '');
    if (blank) return required ? `${label} is required` : true;
    return (typeof value === 'string' && value.length <= limit) || `${label} may be at most ${limit} characters`;
  };

export const LicenseRequests: CollectionConfig = {
  slug: LICENSE_REQUESTS,
  labels: { singular: 'License request', plural: 'License requests' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'organisation', 'photo', 'intendedUse', 'status', 'createdAt'],
    description: 'Requests to license a photo, sent by readers from the photo’s licensing page.',
  },
  access: { create: () => true, read: isEditor, update: isEditor, delete: isEditor },
  hooks: { beforeOperation: [guardReaderRequests] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'photo',
          type: 'relationship',
          relationTo: 'media',
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            value != null || siblingData.article != null || 'Name the photo (or the story whose photo it is)',
        },
        { name: 'article', type: 'relationship', relationTo: 'articles', admin: { description: 'For a story photo the media library does not hold.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, validate: textOfAtMost(LICENSE_REQUEST_FIELD_LIMITS.name, 'Name', { required: true }) },
        {
          name: 'email',
          type: 'email',
          required: true,
          validate: (value: unknown) => (typeof value === 'string' && value.length <= LICENSE_REQUEST_FIELD_LIMITS.email && LICENSE_REQUEST_EMAIL.test(value)) || 'Enter an email address like name@example.org',
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'organisation', type: 'text', validate: textOfAtMost(LICENSE_REQUEST_FIELD_LIMITS.organisation, 'Organisation') },
        { name: 'intendedUse', type: 'select', required: true, options: INTENDED_USES.map(({ label, value }) => ({ label, value })) },
      ],
    },
    { name: 'message', type: 'textarea', required: true, validate: textOfAtMost(LICENSE_REQUEST_FIELD_LIMITS.message, 'Message', { required: true }) },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'new',
      options: [
        { label: 'New', value: 'new' },
        { label: 'Answered', value: 'answered' },
        { label: 'Declined', value: 'declined' },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'notes', type: 'textarea', admin: { position: 'sidebar', description: 'For the desk only.' } },
  ],
  timestamps: true,
};
