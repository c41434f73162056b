import type { Correction } from '@newsroom/schema';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';

import { correctionsNoticeHtml } from './corrections';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const descendants = (node: Node): Element[] =>
  'childNodes' in node ? node.childNodes.flatMap((child) => (isElement(child) ? [child, ...descendants(child)] : descendants(child))) : [];
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

const NOTES: Correction[] = [
  { kind: 'correction', text: 'An earlier version misstated the spokesman’s title.', at: '2018-09-17T12:15:00.000Z' },
  { kind: 'update', text: 'The office opened on Friday, as planned.', at: '2018-09-18T10:00:00.000Z' },
  { kind: 'clarification', text: 'Talks are <b>planned</b> & "expected" to resume.', at: '2018-09-18T10:30:00.000Z' },
];

describe('correctionsNoticeHtml', () => {
  it('is an aside named by its heading, listing every note newest first with its kind, time and text', () => {
    const [aside, ...rest] = parseFragment(correctionsNoticeHtml(NOTES)).childNodes;
    expect(rest).toEqual([]);
    expect(aside && isElement(aside) && aside.tagName).toBe('aside');
    const notice = aside as Element;
    expect(attr(notice, 'class')).toBe('corrections');
    const heading = descendants(notice).find((el) => el.tagName === 'h2')!;
    expect(textOf(heading)).toBe('Corrections and updates');
    expect(attr(notice, 'aria-labelledby')).toBe(attr(heading, 'id'));

    const items = descendants(notice).filter((el) => el.tagName === 'li');
    expect(items.map(textOf)).toEqual([
      'Clarification, September 18, 2018 at 10:30 AM UTC: Talks are <b>planned</b> & "expected" to resume.',
      'Update, September 18, 2018 at 10:00 AM UTC: The office opened on Friday, as planned.',
      'Correction, September 17, 2018 at 12:15 PM UTC: An earlier version misstated the spokesman’s title.',
    ]);
    const times = descendants(notice).filter((el) => el.tagName === 'time');
    expect(times.map((time) => attr(time, 'datetime'))).toEqual(['2018-09-18T10:30:00.000Z', '2018-09-18T10:00:00.000Z', '2018-09-17T12:15:00.000Z']);
  });

  it('shows markup in a note as text: no element comes from it', () => {
    const html = correctionsNoticeHtml([{ kind: 'correction', text: '<img src=x onerror="alert(1)"><script>alert(2)</script>', at: '2018-09-17T12:15:00.000Z' }]);
    const elements = descendants(parseFragment(html) as unknown as Node).map((el) => el.tagName);
    expect(elements).toEqual(['aside', 'h2', 'ul', 'li', 'strong', 'time']);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;');
  });

  it('is empty when the story has no notes', () => {
    expect(correctionsNoticeHtml(undefined)).toBe('');
    expect(correctionsNoticeHtml([])).toBe('');
  });
});
