import { describe, expect, it } from 'vitest';

import { uploadIdsInRichText } from './mediaUsage';

const upload = (value: unknown, relationTo = 'media') => ({ type: 'upload', version: 3, format: '', id: '6b0e8e60cce62e29fe370247', fields: null, relationTo, value });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children });

describe('uploadIdsInRichText', () => {
  it('finds photos at the top level and nested in other nodes, by id or populated', () => {
    const body = { root: { type: 'root', children: [paragraph({ type: 'text', text: 'x' }), upload(4), paragraph(upload('65f0c0ffee')), { type: 'list', children: [{ type: 'listitem', children: [upload({ id: 9, alt: 'x' })] }] }] } };
    expect([...uploadIdsInRichText(body)].sort()).toEqual(['4', '65f0c0ffee', '9']);
  });

  it('ignores uploads of other collections, and anything that is not a document', () => {
    expect(uploadIdsInRichText({ root: { children: [upload(4, 'files')] } }).size).toBe(0);
    for (const value of [null, undefined, 'text', 3, []]) expect(uploadIdsInRichText(value).size).toBe(0);
  });
});
