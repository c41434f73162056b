import { afterEach, describe, expect, it, vi } from 'vitest';
import { define } from './define.js';
import { VERSION } from '../version.js';

let count = 0;
const uniqueTag = () => `news-define-test-${++count}`;
const element = () => class extends HTMLElement {};

afterEach(() => {
  vi.restoreAllMocks();
  delete (customElements as { newsWarned?: boolean }).newsWarned;
});

describe('define()', () => {
  it('registers a tag the first time', () => {
    const tag = uniqueTag();
    const first = element();
    define(tag, first);
    expect(customElements.get(tag)).toBe(first);
  });

  it('ignores the same version again, as when a bundle is loaded twice: no throw, no warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tag = uniqueTag();
    const first = element();
    define(tag, first);
    expect(() => define(tag, element())).not.toThrow();
    expect(() => define(tag, element(), VERSION)).not.toThrow();
    expect(customElements.get(tag)).toBe(first);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the first version when another registers the same tags, and warns once for the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tags = [uniqueTag(), uniqueTag(), uniqueTag()];
    const originals = tags.map((tag) => {
      const original = element();
      define(tag, original, '1.0.0');
      return original;
    });
    for (let load = 0; load < 2; load++) for (const tag of tags) expect(() => define(tag, element(), '2.0.0')).not.toThrow();
    expect(tags.map((tag) => customElements.get(tag))).toEqual(originals);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toContain('2.0.0');
    expect(warn.mock.calls[0]![0]).toContain('1.0.0');
  });

  it('does not throw when another script already took the tag', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tag = uniqueTag();
    const foreign = element();
    customElements.define(tag, foreign);
    expect(() => define(tag, element())).not.toThrow();
    expect(customElements.get(tag)).toBe(foreign);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toContain('another script');
  });
});
