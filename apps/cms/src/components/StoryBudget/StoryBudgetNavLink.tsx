import Link from 'next/link';

/** "Story budget" at the top of the admin's navigation: the desk's first page. */
export function StoryBudgetNavLink() {
  return (
    <Link className="nav__link" href="/admin/budget" id="nav-story-budget">
      <span className="nav__link-label">Story budget</span>
    </Link>
  );
}
