import type { Payload } from 'payload';

import type { Role } from '../../src/access/roles';
import { paragraphsToLexical } from '../../src/lib/lexical';

export type TestUser = { id: number | string; role: Role; email: string; collection: 'users' };

export async function makeUser(payload: Payload, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`): Promise<TestUser> {
  const doc = await payload.create({
    collection: 'users',
    data: { email, password: 'correct horse battery staple', role },
    overrideAccess: true,
  });
  return { id: doc.id, role, email, collection: 'users' };
}

type ArticleInput = {
  headline: string;
  status?: 'draft' | 'published';
  publishedAt?: string;
  paragraphs?: string[];
  user?: TestUser;
};

/** An article through the Local API, as the system unless a user is given. */
export async function makeArticle(payload: Payload, input: ArticleInput) {
  const status = input.status ?? 'published';
  return payload.create({
    collection: 'articles',
    draft: status === 'draft',
    overrideAccess: input.user === undefined,
    user: input.user as never,
    data: {
      headline: input.headline,
      body: paragraphsToLexical(input.paragraphs ?? ['A paragraph of test copy.']) as never,
      dateline: { month: 1, day: 5, agency: 'Test' },
      _status: status,
      ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    },
  });
}

export const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
export const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/** The field errors of a rejected write, as an editor would see them beside each field. */
export async function fieldErrors(write: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await write;
  } catch (error) {
    const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors;
    if (errors) return errors.map(({ path, message }) => ({ path, message }));
    throw error;
  }
  throw new Error('expected the write to be refused');
}
