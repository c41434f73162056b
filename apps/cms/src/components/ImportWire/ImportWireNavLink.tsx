import Link from 'next/link';

/** "Import wire story" in the admin's navigation. */
export function ImportWireNavLink() {
  return (
    <Link className="nav__link" href="/admin/import-wire" id="nav-import-wire">
      <span className="nav__link-label">Import wire story</span>
    </Link>
  );
}
