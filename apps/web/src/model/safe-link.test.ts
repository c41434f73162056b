import { describe, expect, it } from 'vitest';

import { mediaPath, safeLink } from './safe-link';

describe('safeLink', () => {
  it.each(['https://example.com/a', 'http://example.com', '/news/a-story', '/licensing?photo=a'])('keeps %s', (url) => {
    expect(safeLink(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x',
    '/\\evil.example',
    'vbscript:msgbox',
    'news/relative',
    '',
    null,
    undefined,
  ])('refuses %j', (url) => {
    expect(safeLink(url)).toBeUndefined();
  });
});

describe('mediaPath', () => {
  it('serves CMS media files from the site', () => {
    expect(mediaPath('http://localhost:3001/api/media/file/harbor%20wall.jpg')).toBe('/media/harbor%20wall.jpg');
    expect(mediaPath('/api/media/file/a-768x432.webp?v=2')).toBe('/media/a-768x432.webp');
  });

  it('refuses anything that is not a media file URL', () => {
    expect(mediaPath('https://elsewhere.example/a.jpg')).toBeUndefined();
    expect(mediaPath('/api/media/file/..')).toBeUndefined();
    expect(mediaPath('/api/media/file/%2e%2e%2fsecret')).toBeUndefined();
    expect(mediaPath(null)).toBeUndefined();
  });
});
