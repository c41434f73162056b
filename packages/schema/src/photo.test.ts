import { describe, expect, it } from 'vitest';
import { parseCreditLine, photoSchema, splitCaptionLine } from './photo.js';

describe('parseCreditLine', () => {
  it.each([
    ['File Photo by Lea Moreau/UPI', { credit: 'File Photo by Lea Moreau/UPI', creator: 'Lea Moreau', agency: 'UPI' }],
    ['Photo by Jun Seo/UPI', { credit: 'Photo by Jun Seo/UPI', creator: 'Jun Seo', agency: 'UPI' }],
    ['Pool Photo by Ana Ruiz/EPA', { credit: 'Pool Photo by Ana Ruiz/EPA', creator: 'Ana Ruiz', agency: 'EPA' }],
    ['Photo by Ana Ruiz', { credit: 'Photo by Ana Ruiz', creator: 'Ana Ruiz' }],
    ['UPI Photo', { credit: 'UPI Photo', agency: 'UPI' }],
    ['UPI File Photo', { credit: 'UPI File Photo', agency: 'UPI' }],
    ['Photo courtesy of the Harbor Authority', { credit: 'Photo courtesy of the Harbor Authority', courtesyOf: 'the Harbor Authority' }],
  ])('reads %j', (text, credit) => {
    expect(parseCreditLine(text)).toEqual(credit);
  });

  it.each(['A quiet morning.', 'Photographs were taken', 'Nice Photo'])('is undefined for %j', (text) => {
    expect(parseCreditLine(text)).toBeUndefined();
  });
});

describe('splitCaptionLine', () => {
  it('splits caption, credit and the license marker', () => {
    expect(splitCaptionLine('Rescuers search the hillside. File Photo by Ana Ruiz/UPI | License Photo')).toEqual({
      caption: 'Rescuers search the hillside.',
      credit: 'File Photo by Ana Ruiz/UPI',
      creator: 'Ana Ruiz',
      agency: 'UPI',
      licenseOffered: true,
    });
  });

  it('uses the last credit when the caption mentions a photo', () => {
    expect(splitCaptionLine('A Photo by the river shows the flood. Photo by Jun Seo/UPI')).toEqual({
      caption: 'A Photo by the river shows the flood.',
      credit: 'Photo by Jun Seo/UPI',
      creator: 'Jun Seo',
      agency: 'UPI',
      licenseOffered: false,
    });
  });

  it('reads an agency-only credit', () => {
    expect(splitCaptionLine('Crowds at the gate. UPI Photo')).toEqual({ caption: 'Crowds at the gate.', credit: 'UPI Photo', agency: 'UPI', licenseOffered: false });
  });

  it('is undefined for a line without a credit', () => {
    expect(splitCaptionLine('Crowds at the gate.')).toBeUndefined();
  });
});

describe('photoSchema', () => {
  it('accepts site paths and http URLs, and rejects other schemes', () => {
    expect(photoSchema.safeParse({ src: '/media/a.jpg', licenseUrl: 'https://photos.example/license/1' }).success).toBe(true);
    expect(photoSchema.safeParse({ src: 'javascript:alert(1)' }).success).toBe(false);
    expect(photoSchema.safeParse({ src: '//evil.example/a.jpg' }).success).toBe(false);
    expect(photoSchema.safeParse({ width: 0 }).success).toBe(false);
  });
});
