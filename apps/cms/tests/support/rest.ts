import { handleEndpoints } from 'payload';

import type { TestPayload } from './databases';

export type RestCall = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as `Authorization: JWT …`, as API clients do. */
  token?: string;
  /** Sent as the client's address, as a proxy in front of the CMS would. */
  forwardedFor?: string;
  json?: unknown;
  form?: FormData;
};

/**
 * A request through Payload's own REST handler — the one `app/(payload)/api/[...slug]/route.ts`
 * serves — against the test instance, without a network.
 */
/** A JSON response body, read loosely: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are whatever the endpoint returns
type Json = any;

export async function rest(t: TestPayload, path: string, call: RestCall = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers = new Headers();
  if (call.token) headers.set('Authorization', `JWT ${call.token}`);
  if (call.forwardedFor) headers.set('X-Forwarded-For', call.forwardedFor);
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(call.json);
  } else if (call.form) {
    body = call.form;
  }
  const request = new Request(`http://localhost:3001/api${path}`, { method: call.method ?? (body ? 'POST' : 'GET'), headers, body });
  const response = await handleEndpoints({ config: t.payload.config, payloadInstanceCacheKey: t.key, request });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a file): keep the text.
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Signs in over REST and returns the token. */
export async function signIn(t: TestPayload, email: string, password: string, forwardedFor?: string): Promise<string> {
  const { status, body } = await rest(t, '/users/login', { json: { email, password }, forwardedFor });
  if (status !== 200 || !body?.token) throw new Error(`sign-in failed for ${email}: ${status} ${JSON.stringify(body)}`);
  return body.token as string;
}
