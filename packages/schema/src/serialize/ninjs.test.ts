import { describe, expect, it } from 'vitest';
import { NIGHT_TRAINS } from './article-fixture.js';
import { toNinjs } from './ninjs.js';

const SITE = {
  url: 'https://news.example.com',
  name: 'Newsroom Daily',
  copyrightNotice: 'Copyright 2022 Newsroom Daily',
  usageTerms: 'For subscribers only.',
  language: 'en',
};

describe('toNinjs', () => {
  it('writes a ninjs 3.0 text item with the photo as an association', () => {
    expect(toNinjs(NIGHT_TRAINS, SITE, { version: '3' })).toEqual({
      uri: 'https://news.example.com/news/night-trains-return-to-the-northern-line',
      type: 'text',
      standard: { name: 'ninjs', version: '3.0', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json' },
      version: '3',
      firstCreated: '2022-04-30T06:00:00Z',
      versionCreated: '2022-04-30T09:15:00Z',
      pubStatus: 'usable',
      language: 'en',
      slugline: 'night-trains-return-to-the-northern-line',
      title: 'Night trains return to the northern line',
      headlines: [{ role: 'main', contentType: 'text/plain', value: 'Night trains return to the northern line' }],
      descriptions: [{ role: 'summary', contentType: 'text/plain', value: 'Sleeper cars roll again after a four-year pause.' }],
      bodies: [
        {
          role: 'main',
          contentType: 'text/plain',
          charCount: 91,
          wordCount: 15,
          value: 'Overnight trains will run again from June.\n\nTickets go on sale <b>Monday</b> & sell "fast".',
        },
        {
          role: 'richtext',
          contentType: 'text/html',
          value: '<p>Overnight trains will run again from June.</p>\n<p>Tickets go on sale &lt;b&gt;Monday&lt;/b&gt; &amp; sell &quot;fast&quot;.</p>',
        },
      ],
      by: 'Oskar Brandt and Ines Varga',
      located: 'OSLO',
      copyrightNotice: 'Copyright 2022 Newsroom Daily',
      usageTerms: 'For subscribers only.',
      subjects: [{ name: 'rail' }, { name: 'Norway' }],
      associations: [
        {
          name: 'mainpic',
          uri: 'https://news.example.com/media/sleeper-car.jpg',
          type: 'picture',
          descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'A sleeper car waits at the depot in March.' }],
          by: 'File Photo by Lea Moreau/UPI',
          copyrightNotice: '© 2022 UPI',
          rightsInfo: { linkedRights: 'https://photos.example/license/sleeper-car' },
          renditions: [{ name: 'original', href: 'https://news.example.com/media/sleeper-car.jpg', width: 1200, height: 800 }],
        },
      ],
    });
  });

  it('escapes markup in the HTML body so it is shown, never run', () => {
    const item = toNinjs({ ...NIGHT_TRAINS, paragraphs: ['<script>alert(1)</script>'] }, SITE);
    expect(item.bodies?.[1]?.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(item.bodies?.[0]?.value).toBe('<script>alert(1)</script>');
  });

  it('marks drafts withheld, widens dates, and names a file-less photo after the article', () => {
    const { updatedAt: _u, ...rest } = NIGHT_TRAINS;
    const item = toNinjs(
      { ...rest, status: 'draft', publishedAt: '2022-04-30', photo: { caption: 'A depot.', credit: 'UPI Photo' } },
      { url: 'https://news.example.com', name: 'Newsroom Daily' },
    );
    expect([item.pubStatus, item.version, item.firstCreated, item.versionCreated, item.copyrightNotice]).toEqual([
      'withheld',
      '1',
      '2022-04-30T00:00:00Z',
      '2022-04-30T00:00:00Z',
      undefined,
    ]);
    expect(item.associations).toEqual([
      {
        name: 'mainpic',
        uri: 'https://news.example.com/news/night-trains-return-to-the-northern-line#mainpic',
        type: 'picture',
        descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'A depot.' }],
        by: 'UPI Photo',
      },
    ]);
  });
});
