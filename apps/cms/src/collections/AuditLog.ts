import type { Access, CollectionConfig, PayloadRequest } from 'payload';

import { isEditor } from '../access/hasRole';

export const AUDIT_LOG = 'audit-log';

export const AUDIT_ACTIONS = ['status-changed', 'published', 'unpublished', 'corrected', 'embargoed', 'killed', 'restored'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const ACTION_LABELS: Record<AuditAction, string> = {
  'status-changed': 'Status changed',
  published: 'Published',
  unpublished: 'Unpublished',
  corrected: 'Corrected',
  embargoed: 'Embargo set',
  killed: 'Killed',
  restored: 'Restored',
};

export type AuditEntry = {
  action: AuditAction;
  article: { id: number | string; slug?: string | null };
  /** From and to: workflow statuses, or embargo times (ISO). */
  from?: string | null;
  to?: string | null;
  correctionKind?: string | null;
  reason?: string | null;
  /** A line for the list view; made from the rest when not given. */
  summary?: string;
};

const nobody: Access = () => false;

function summarize(entry: AuditEntry): string {
  const label = ACTION_LABELS[entry.action];
  if (entry.action === 'status-changed') return `${label}: ${entry.from ?? '—'} → ${entry.to ?? '—'}`;
  if (entry.action === 'embargoed') return entry.to ? `${label} until ${entry.to}` : 'Embargo lifted by an editor';
  if (entry.action === 'corrected') return `${entry.correctionKind ? entry.correctionKind[0]!.toUpperCase() + entry.correctionKind.slice(1) : label} added`;
  if (entry.reason) return `${label}: ${entry.reason.length > 120 ? `${entry.reason.slice(0, 119)}…` : entry.reason}`;
  return label;
}

/**
 * Writes one entry of the audit trail in `req`'s transaction, as the system: the entry commits with the change it
 * describes, or neither does. Who is `req.user` (none for the import CLI and scheduled jobs: the system).
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const user = req.user as { id?: number | string; email?: string | null; collection?: string } | null | undefined;
  const byUser = user && user.collection === 'users' && user.id !== undefined;
  await req.payload.create({
    collection: AUDIT_LOG,
    overrideAccess: true,
    req,
    depth: 0,
    select: { action: true },
    data: {
      action: entry.action,
      article: entry.article.id as number,
      articleSlug: entry.article.slug ?? null,
      user: byUser ? (user.id as number) : null,
      userEmail: byUser ? (user.email ?? null) : null,
      at: new Date().toISOString(),
      summary: entry.summary ?? summarize(entry),
      details: {
        from: entry.from ?? null,
        to: entry.to ?? null,
        correctionKind: (entry.correctionKind as 'correction' | 'update' | 'clarification' | null | undefined) ?? null,
        reason: entry.reason ?? null,
      },
    },
  });
}

/**
 * The audit trail of the newsroom's acts on stories: status changes, publishing, corrections, embargoes, kills and
 * restores — who, what, which story, when. Editors and admins read it; nobody writes, changes or deletes it through
 * the API or the admin: hooks and endpoints write it in the transaction of the act itself (`recordAudit`).
 */
export const AuditLog: CollectionConfig = {
  slug: AUDIT_LOG,
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'articleSlug', 'userEmail', 'summary'],
    listSearchableFields: ['articleSlug', 'userEmail', 'summary'],
    description: 'What happened to which story, when, and who did it. Written by the CMS itself; read-only.',
  },
  access: { read: isEditor, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-at',
  fields: [
    { name: 'at', label: 'When', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ label: ACTION_LABELS[value], value })),
      admin: { readOnly: true },
    },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true, admin: { readOnly: true } },
    { name: 'articleSlug', label: 'Story', type: 'text', index: true, admin: { readOnly: true, description: 'Kept when the story is deleted.' } },
    { name: 'user', label: 'By', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'userEmail', label: 'By (email)', type: 'text', admin: { readOnly: true, description: 'Empty for the system: imports and scheduled jobs.' } },
    { name: 'summary', type: 'text', admin: { readOnly: true } },
    {
      name: 'details',
      type: 'group',
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'from', type: 'text' },
            { name: 'to', type: 'text' },
            { name: 'correctionKind', type: 'select', options: ['correction', 'update', 'clarification'] },
          ],
        },
        { name: 'reason', type: 'textarea' },
      ],
    },
  ],
};
