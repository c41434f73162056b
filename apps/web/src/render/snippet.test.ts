import { describe, expect, it } from 'vitest';

import { snippetHtml } from './snippet';

describe('snippetHtml', () => {
  it('wraps the matched words in <mark> and leaves the rest as text', () => {
    expect(
      snippetHtml([
        { text: '…the council approved the ', mark: false },
        { text: 'harbour', mark: true },
        { text: ' plan on Tuesday…', mark: false },
      ]),
    ).toBe('…the council approved the <mark>harbour</mark> plan on Tuesday…');
  });

  it('escapes markup in the copy, marked or not: it is shown, never run', () => {
    expect(
      snippetHtml([
        { text: 'A reader wrote <script>alert(1)</script> & "quoted" it\'s ', mark: false },
        { text: '<img src=x onerror=alert(1)>', mark: true },
      ]),
    ).toBe('A reader wrote &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; it&#39;s <mark>&lt;img src=x onerror=alert(1)&gt;</mark>');
  });

  it('cannot be closed early by a part that spells the mark tag', () => {
    const html = snippetHtml([{ text: '</mark><b>bold</b><mark>', mark: true }]);
    expect(html).toBe('<mark>&lt;/mark&gt;&lt;b&gt;bold&lt;/b&gt;&lt;mark&gt;</mark>');
    expect(html.match(/<mark>/g)).toHaveLength(1);
  });

  it('renders nothing for no parts', () => {
    expect(snippetHtml([])).toBe('');
  });
});
