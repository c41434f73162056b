import { describe, expect, it } from 'vitest';

import { clientAddress, normalizeEmail, SignInLimiter } from './signInLimiter';

const limits = { attempts: 5, lockMs: 10 * 60 * 1000, maxTracked: 100 };

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, limiter: new SignInLimiter(limits, () => clock.now) };
}

describe('SignInLimiter', () => {
  it('locks a client out of an account on the fifth attempt that did not succeed, and no one else', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.recordAttempt('a@x.test', '198.51.100.1');
    expect(limiter.isLocked('a@x.test', '198.51.100.1')).toBe(false);
    limiter.recordAttempt('a@x.test', '198.51.100.1');
    expect(limiter.isLocked('a@x.test', '198.51.100.1')).toBe(true);
    expect(limiter.isLocked('a@x.test', '203.0.113.9')).toBe(false);
    expect(limiter.isLocked('b@x.test', '198.51.100.1')).toBe(false);
  });

  it('forgets the attempts once a sign-in succeeds', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.recordAttempt('a@x.test', 'c');
    limiter.recordSuccess('a@x.test', 'c');
    for (let i = 0; i < 4; i++) limiter.recordAttempt('a@x.test', 'c');
    expect(limiter.isLocked('a@x.test', 'c')).toBe(false);
  });

  it('lifts the lock ten minutes after the last attempt', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.recordAttempt('a@x.test', 'c');
    clock.now += 10 * 60 * 1000 - 1;
    expect(limiter.isLocked('a@x.test', 'c')).toBe(true);
    clock.now += 1;
    expect(limiter.isLocked('a@x.test', 'c')).toBe(false);
    limiter.recordAttempt('a@x.test', 'c');
    expect(limiter.isLocked('a@x.test', 'c')).toBe(false);
  });

  it('unlocks an account for every client at once, leaving other accounts locked', () => {
    const { limiter } = limiterAt();
    for (const client of ['c1', 'c2']) for (let i = 0; i < 5; i++) limiter.recordAttempt('a@x.test', client);
    for (let i = 0; i < 5; i++) limiter.recordAttempt('b@x.test', 'c1');
    limiter.unlock('a@x.test');
    expect(limiter.isLocked('a@x.test', 'c1')).toBe(false);
    expect(limiter.isLocked('a@x.test', 'c2')).toBe(false);
    expect(limiter.isLocked('b@x.test', 'c1')).toBe(true);
  });

  it('tracks at most maxTracked pairs, dropping the least recently tried', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.recordAttempt('old@x.test', 'c');
    for (let n = 0; n < 150; n++) limiter.recordAttempt(`spray${n}@x.test`, 'c');
    expect(limiter.size).toBe(100);
    expect(limiter.isLocked('old@x.test', 'c')).toBe(false);
  });
});

describe('clientAddress', () => {
  it('is the last X-Forwarded-For entry: the address the nearest proxy saw', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '10.0.0.1, 198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.4, ' }))).toBe('198.51.100.4');
  });

  it('falls back to X-Real-IP, then to one shared bucket, and bounds what a client can send', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '203.0.113.5' }))).toBe('203.0.113.5');
    expect(clientAddress(new Headers())).toBe('unknown');
    expect(clientAddress(undefined)).toBe('unknown');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'x'.repeat(5000) })).length).toBe(64);
  });
});

describe('normalizeEmail', () => {
  it('matches Payload: trimmed and lower-case', () => {
    expect(normalizeEmail('  Admin@Example.COM ')).toBe('admin@example.com');
    expect(normalizeEmail('')).toBeUndefined();
    expect(normalizeEmail(42)).toBeUndefined();
  });
});
