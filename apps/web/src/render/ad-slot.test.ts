import { describe, expect, it } from 'vitest';

import { fromPayloadAdSlot } from '../model/ad-slots';
import { adSlot } from '../model/fixtures/payload-docs';
import { AD_FRAME_SANDBOX, renderAdSlot, sizesByBreakpoint } from './ad-slot';

describe('renderAdSlot', () => {
  it('reserves the creative’s size per breakpoint and labels the region', () => {
    const slot = fromPayloadAdSlot(adSlot())!;
    const html = renderAdSlot({ slot, position: { placement: 'top' } }, { lazy: false });
    expect(html).toContain('role="region" aria-label="Advertisement (top of article)"');
    expect(html).toContain('--ad-m:block;--ad-w-m:320px;--ad-h-m:50px;--ad-t:block;--ad-w-t:728px;--ad-h-t:90px;--ad-d:block;--ad-w-d:728px;--ad-h-d:90px');
    expect(html).toContain('<p class="ad-label" aria-hidden="true">Advertisement</p>');
    expect(html).toContain('<a class="ad-link" href="https://example.com/subscribe" rel="sponsored noopener"><span class="ad-house-text">Subscribe</span></a>');
  });

  it('hides a slot at breakpoints below its smallest size', () => {
    const slot = fromPayloadAdSlot(adSlot({ sizes: [{ breakpoint: 'desktop', width: 300, height: 600 }] }))!;
    expect(sizesByBreakpoint(slot)).toEqual({ desktop: { breakpoint: 'desktop', width: 300, height: 600 } });
    expect(renderAdSlot({ slot, position: { placement: 'rail' } }, { lazy: true })).toContain('--ad-m:none;--ad-t:none;--ad-d:block');
  });

  it('puts HTML creatives in a lazy sandboxed iframe that cannot reach our origin or navigate the page', () => {
    const slot = fromPayloadAdSlot(adSlot({ id: 5, creative: { kind: 'html', html: '<script>top.location="https://evil.example"</script>' } }))!;
    const html = renderAdSlot({ slot, position: { placement: 'after-paragraph', paragraph: 2 } }, { lazy: true });
    expect(html).toContain('src="/ads/frame/5?at=p2"');
    expect(html).toContain(`sandbox="${AD_FRAME_SANDBOX}"`);
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('evil.example');
    expect(AD_FRAME_SANDBOX).not.toMatch(/allow-same-origin|allow-top-navigation(?!-by-user-activation)/);
  });

  it('escapes every editor-supplied text', () => {
    const slot = fromPayloadAdSlot(adSlot({ label: '<b>Ad</b>', creative: { kind: 'house', alt: '"><script>x</script>' } }))!;
    const html = renderAdSlot({ slot, position: { placement: 'top' } }, { lazy: false });
    expect(html).not.toMatch(/<b>|<script>/);
    expect(html).toContain('&lt;b&gt;Ad&lt;/b&gt;');
  });

  it('keeps the space of a slot with nothing booked', () => {
    const slot = fromPayloadAdSlot(adSlot({ creative: { kind: 'html', html: '' } }))!;
    expect(renderAdSlot({ slot, position: { placement: 'top' } }, { lazy: false })).toContain('<div class="ad-box"></div>');
  });
});
