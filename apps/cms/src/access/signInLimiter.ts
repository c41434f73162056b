import {
  LockedAuth,
  type CollectionAfterLoginHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type Payload,
  type PayloadRequest,
} from 'payload';

/**
 * Failed sign-ins are counted per account *and* per client address: five wrong passwords from one
 * address lock that address out of that account for ten minutes, while the owner signing in from
 * anywhere else is unaffected. (A per-account lock lets anyone keep any account locked forever.)
 *
 * The counts live in this process, in a bounded map — a restart forgets them, and a flood of
 * distinct (account, address) pairs evicts the oldest rather than growing memory.
 */
export const SIGN_IN_LIMITS = {
  attempts: 5,
  lockMs: 10 * 60 * 1000,
  maxTracked: 10_000,
} as const;

type Entry = { attempts: number; lockedUntil: number; expires: number };

export class SignInLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: { attempts: number; lockMs: number; maxTracked: number } = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private static key(email: string, client: string): string {
    return `${email}\u0000${client}`;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  isLocked(email: string, client: string): boolean {
    const entry = this.live(SignInLimiter.key(email, client));
    return entry !== undefined && entry.lockedUntil > this.now();
  }

  /**
   * Counts an attempt before its outcome is known (parallel guesses all count); a successful
   * sign-in clears it again. Reaching the limit locks this client out of this account.
   */
  recordAttempt(email: string, client: string): void {
    const key = SignInLimiter.key(email, client);
    const now = this.now();
    const entry = this.live(key) ?? { attempts: 0, lockedUntil: 0, expires: 0 };
    entry.attempts += 1;
    entry.expires = now + this.limits.lockMs;
    if (entry.attempts >= this.limits.attempts) entry.lockedUntil = now + this.limits.lockMs;
    // Re-insert so the map's order is least-recently-used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.limits.maxTracked) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  recordSuccess(email: string, client: string): void {
    this.entries.delete(SignInLimiter.key(email, client));
  }

  /** Clears every client's count for the account (an admin's "Force unlock"). */
  unlock(email: string): void {
    const prefix = `${email}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

// One limiter per Payload instance, shared by every bundle of the app that holds that instance.
const registry: WeakMap<Payload, SignInLimiter> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('newsroom.signInLimiters')
] ??= new WeakMap<Payload, SignInLimiter>()) as WeakMap<Payload, SignInLimiter>;

export function signInLimiterFor(payload: Payload): SignInLimiter {
  let limiter = registry.get(payload);
  if (!limiter) registry.set(payload, (limiter = new SignInLimiter()));
  return limiter;
}

/**
 * The address a request came from: the last `X-Forwarded-For` entry, which is the one the nearest
 * proxy (or Next itself, from the socket, when the header is absent) wrote. Exposed without a
 * proxy, a client can choose this header — the per-client count is then a convenience for the
 * account owner, not a wall; strong passwords are the wall.
 */
export function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  const address = last || headers?.get('x-real-ip')?.trim() || 'unknown';
  return address.slice(0, 64);
}

export function normalizeEmail(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.toLowerCase().trim().slice(0, 320) : undefined;
}

/** Refuses a locked-out (account, client) pair before any password is checked, and counts the attempt. */
export const limitSignIns: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login') return args;
  const email = normalizeEmail((args as { data?: { email?: unknown } }).data?.email);
  if (!email) return args;
  const limiter = signInLimiterFor(req.payload);
  const client = clientAddress(req.headers);
  if (limiter.isLocked(email, client)) throw new LockedAuth(req.t);
  limiter.recordAttempt(email, client);
  return args;
};

export const clearSignInCount: CollectionAfterLoginHook = ({ req, user }) => {
  const email = normalizeEmail((user as { email?: unknown }).email);
  if (email) signInLimiterFor(req.payload).recordSuccess(email, clientAddress(req.headers));
  return user;
};

/** Payload's unlock operation (admins only) also lifts every client's lock on the account. */
export const unlockEverywhere: CollectionAfterOperationHook = ({ args, operation, req, result }) => {
  if (operation === 'unlock' && result) {
    const email = normalizeEmail((args as { data?: { email?: unknown } }).data?.email);
    if (email) signInLimiterFor((req as PayloadRequest).payload).unlock(email);
  }
  return result;
};
