import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

import { asciiOnly, readPhotoRights, rightsXmp } from './photo-rights';

const dir = mkdtempSync(path.join(tmpdir(), 'photo-rights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small JPEG with metadata written by exiftool — a writer other than ours. */
async function jpegWith(name: string, tags: string[]): Promise<Buffer> {
  const file = path.join(dir, name);
  writeFileSync(file, await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a6' } }).jpeg().toBuffer());
  if (tags.length > 0) execFileSync('exiftool', ['-q', '-overwrite_original', '-charset', 'iptc=UTF8', ...tags, file]);
  return readFileSync(file);
}

/** What exiftool reads in a file, by group and tag (`XMP-dc:Creator`). */
function exiftool(bytes: Buffer, ext: string): Record<string, unknown> {
  const file = path.join(dir, `read-${Math.random().toString(36).slice(2)}.${ext}`);
  writeFileSync(file, bytes);
  return (JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file]).toString()) as Record<string, unknown>[])[0]!;
}

describe('readPhotoRights', () => {
  it('reads the IPTC core rights from XMP', async () => {
    const bytes = await jpegWith('xmp.jpg', [
      '-XMP-dc:Creator=Ana Reyes',
      '-XMP-photoshop:Credit=Photo by Ana Reyes/Coast Wire',
      '-XMP-dc:Rights=© 2025 Coast Wire',
      '-XMP-dc:Description=Fishing boats wait out a storm & a "king" tide',
      '-XMP-xmpRights:WebStatement=https://coastwire.example/license/8841',
      '-XMP-xmpRights:UsageTerms=Editorial use only; no archiving',
      '-XMP-photoshop:DateCreated=2025-11-02T07:15:00',
    ]);
    expect(await readPhotoRights(bytes)).toEqual({
      creator: 'Ana Reyes',
      credit: 'Photo by Ana Reyes/Coast Wire',
      copyright: '© 2025 Coast Wire',
      caption: 'Fishing boats wait out a storm & a "king" tide',
      licenseUrl: 'https://coastwire.example/license/8841',
      usageTerms: 'Editorial use only; no archiving',
      dateCreated: '2025-11-02T07:15:00.000Z',
    });
  });

  it('reads IPTC-IIM in UTF-8 when there is no XMP, and EXIF last', async () => {
    const bytes = await jpegWith('iim.jpg', [
      '-IPTC:CodedCharacterSet=UTF8',
      '-IPTC:By-line=김민지',
      '-IPTC:Credit=Photo by 김민지/Newsroom',
      '-IPTC:CopyrightNotice=© 2024 Newsroom',
      '-IPTC:Caption-Abstract=Ферма у реки',
      '-IPTC:DateCreated=2024:05:09',
      '-EXIF:Artist=Someone Else',
    ]);
    expect(await readPhotoRights(bytes)).toEqual({
      creator: '김민지',
      credit: 'Photo by 김민지/Newsroom',
      copyright: '© 2024 Newsroom',
      caption: 'Ферма у реки',
      dateCreated: '2024-05-09T00:00:00.000Z',
    });
    const exifOnly = await jpegWith('exif.jpg', ['-EXIF:Artist=Lee Park', '-EXIF:Copyright=(c) 2023 Lee Park', '-EXIF:DateTimeOriginal=2023:01:02 03:04:05']);
    expect(await readPhotoRights(exifOnly)).toEqual({ creator: 'Lee Park', copyright: '(c) 2023 Lee Park', dateCreated: '2023-01-02T03:04:05.000Z' });
  });

  it('prefers XMP over IPTC-IIM when both are there', async () => {
    const bytes = await jpegWith('both.jpg', ['-IPTC:By-line=Old Name', '-IPTC:Credit=Old credit', '-XMP-dc:Creator=New Name']);
    expect(await readPhotoRights(bytes)).toMatchObject({ creator: 'New Name', credit: 'Old credit' });
  });

  it('ignores a license URL that is not http(s), and gives {} for no metadata or no image', async () => {
    const bytes = await jpegWith('js.jpg', ['-XMP-xmpRights:WebStatement=javascript:alert(1)', '-XMP-dc:Creator=Ana Reyes']);
    expect(await readPhotoRights(bytes)).toEqual({ creator: 'Ana Reyes' });
    expect(await readPhotoRights(await jpegWith('bare.jpg', []))).toEqual({});
    expect(await readPhotoRights(Buffer.from('not an image at all'))).toEqual({});
  });
});

describe('rightsXmp', () => {
  it('is XMP that another reader reads back field for field, markup and all', async () => {
    const rights = {
      creator: 'Jo Ånström',
      credit: 'Photo by Jo Ånström/Newsroom <b>&</b>',
      copyright: '© 2026 Newsroom',
      caption: 'A "harbor" at dawn',
      licenseUrl: 'https://example.com/license?a=1&b=2',
      usageTerms: 'Editorial use only',
    };
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#888' } })
      .withXmp(rightsXmp(rights))
      .jpeg()
      .toBuffer();
    const tags = exiftool(jpeg, 'jpg');
    expect(tags).toMatchObject({
      'XMP-dc:Creator': rights.creator,
      'XMP-photoshop:Credit': rights.credit,
      'XMP-dc:Rights': rights.copyright,
      'XMP-dc:Description': rights.caption,
      'XMP-xmpRights:WebStatement': rights.licenseUrl,
      'XMP-xmpRights:UsageTerms': rights.usageTerms,
      'XMP-xmpRights:Marked': true,
    });
    // And our own reader agrees with it.
    expect(await readPhotoRights(jpeg)).toEqual(rights);
  });

  it('writes only the fields it is given', () => {
    const xmp = rightsXmp({ creator: 'A' });
    expect(xmp).toContain('<dc:creator>');
    expect(xmp).not.toContain('dc:rights');
    expect(xmp).not.toContain('xmpRights:Marked');
  });
});

describe('asciiOnly', () => {
  it('passes printable ASCII and nothing else', () => {
    expect(asciiOnly('(c) 2026 UPI')).toBe('(c) 2026 UPI');
    expect(asciiOnly('© 2026 UPI')).toBeUndefined();
    expect(asciiOnly('line\nbreak')).toBeUndefined();
    expect(asciiOnly(undefined)).toBeUndefined();
  });
});
