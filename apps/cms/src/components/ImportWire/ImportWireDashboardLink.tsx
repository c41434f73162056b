import Link from 'next/link';

/** A dashboard shortcut to the wire import, the newsroom's most frequent first step. */
export function ImportWireDashboardLink() {
  return (
    <section aria-label="Wire copy" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 style={{ marginBottom: 'calc(var(--base) / 2)' }}>Wire copy</h2>
      <p>
        <Link href="/admin/import-wire">Import wire story</Link> — paste agency copy, check what was read, create a draft.
      </p>
    </section>
  );
}
