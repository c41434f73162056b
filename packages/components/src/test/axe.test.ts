import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';

// The "is accessible" tests pass only if axe really looks inside shadow roots; this shows that it does.
describe('axe helper', () => {
  it('reports a violation hidden in an open shadow root', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';
    document.body.append(host);
    try {
      expect((await axeViolations(host)).map((v) => v.id)).toContain('image-alt');
    } finally {
      host.remove();
    }
  });
});
