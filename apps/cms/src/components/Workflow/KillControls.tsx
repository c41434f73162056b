'use client';

import { Button, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

const MAX_REASON = 1000;

/**
 * Kill and restore, in the article's sidebar. Editors and admins kill a published story, with a reason: it leaves the
 * site at once (readers get "410 Gone") but its content stays here. Admins restore it. Both ask the endpoints in
 * collections/Articles/endpoints/kill.ts.
 */
export function KillControls() {
  const { id, hasPublishedDoc } = useDocumentInfo();
  const { user } = useAuth();
  const { config } = useConfig();
  const router = useRouter();
  const killedAt = useFormFields(([fields]) => fields.killedAt?.value);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const ids = { reason: useId(), status: useId() };
  const role = (user as { role?: string } | null | undefined)?.role;
  const mayKill = role === 'editor' || role === 'admin';
  if (!id || !mayKill) return null;

  async function send(action: 'kill' | 'restore') {
    setBusy(true);
    setMessage(undefined);
    try {
      const response = await fetch(`${config.routes.api}/articles/${id}/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(action === 'kill' ? { reason } : {}),
      });
      const json = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] };
      if (!response.ok) {
        setMessage(json.errors?.[0]?.message ?? `The CMS answered ${response.status}.`);
        return;
      }
      setReason('');
      setMessage(action === 'kill' ? 'Killed: the story is off the site.' : 'Restored.');
      router.refresh();
    } catch (error) {
      setMessage(`Could not reach the CMS: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  if (killedAt) {
    return (
      <div className="kill-controls" style={{ marginBottom: '1.5rem' }}>
        <p>
          <strong>Killed.</strong> Readers get “410 Gone” for this story; its content is kept here.
        </p>
        {role === 'admin' && (
          <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void send('restore')}>
            Restore story
          </Button>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    );
  }
  if (!hasPublishedDoc) return null;
  const length = [...reason.trim()].length;
  return (
    <details className="kill-controls" style={{ marginBottom: '1.5rem' }}>
      <summary>Kill this story…</summary>
      <p>Takes the story off the site at once (readers get “410 Gone”). Its content and history are kept; an admin can restore it.</p>
      <label htmlFor={ids.reason}>Why (required, up to {MAX_REASON} characters)</label>
      <textarea
        id={ids.reason}
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        aria-describedby={ids.status}
        style={{ width: '100%' }}
      />
      <p id={ids.status} className="field-description">
        {length}/{MAX_REASON}
      </p>
      <Button buttonStyle="error" size="small" disabled={busy || length === 0 || length > MAX_REASON} onClick={() => void send('kill')}>
        Kill story
      </Button>
      {message && <p role="status">{message}</p>}
    </details>
  );
}
