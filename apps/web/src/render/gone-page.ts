import { escapeHtml } from '@newsroom/schema';

import { siteCss } from '../styles/site-css';

/**
 * The page `/news/<slug>` answers, with status 410, once the newsroom has killed the story: a short notice and a way
 * on, in the site's own look. Nothing of the story is in it — not its headline, not its text, not why it was killed.
 * A whole document (the status is decided before any page renders, see proxy.ts), needing no framework and no CMS.
 */
export function renderGonePage({ siteName }: { siteName: string }): string {
  const name = escapeHtml(siteName);
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Story removed | ${name}</title><meta name="robots" content="noindex">` +
    '<meta name="theme-color" content="#ffffff"><link rel="icon" href="/icon.svg" type="image/svg+xml">' +
    `<style>${siteCss}</style></head><body>` +
    '<a class="skip" href="#content">Skip to content</a>' +
    `<header class="site-header"><div class="wrap"><a class="brand" href="/">${name}</a></div></header>` +
    '<main id="content" class="wrap notice">' +
    '<h1>This story has been removed</h1>' +
    `<p>The story that was published at this address is no longer available from ${name}.</p>` +
    '<p><a href="/">Go to the front page</a></p>' +
    '</main></body></html>\n'
  );
}
