import type { Article } from '@newsroom/schema';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { fromPayloadArticle } from '../model/from-payload-article';
import { seedArticle } from '../model/fixtures/payload-docs';
import { renderNewsSitemap, renderRobots, renderRss, renderSitemap } from './feeds';

const site = { url: 'https://news.example', name: 'Newsroom & Co' };
const now = new Date('2018-09-18T12:00:00Z');
const seed = fromPayloadArticle(seedArticle()).article;
const old: Article = { ...seed, slug: 'old-story', headline: 'Old', publishedAt: '2018-09-01T00:00:00.000Z' };
const hostile: Article = { ...seed, slug: 'hostile', headline: '<script>alert("x")</script> & ]]>', publishedAt: '2018-09-18T00:00:00.000Z' };
const parser = new XMLParser({ ignoreAttributes: false });

describe('renderRss', () => {
  it('is well-formed RSS 2.0 with one item per article', () => {
    const rss = renderRss(site, [{ article: hostile }, { article: seed, summary: 'A sign of progress.' }], now);
    expect(XMLValidator.validate(rss)).toBe(true);
    const channel = parser.parse(rss).rss.channel;
    expect(channel.title).toBe('Newsroom & Co');
    expect(channel.item).toHaveLength(2);
    expect(channel.item[0].title).toBe('<script>alert("x")</script> & ]]>');
    expect(channel.item[1]).toMatchObject({
      link: 'https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
      pubDate: 'Mon, 17 Sep 2018 08:30:00 GMT',
      description: 'A sign of progress.',
      'dc:creator': 'Elizabeth Shim',
      category: 'World',
    });
  });
});

describe('renderSitemap', () => {
  it('lists the front page, listings and articles', () => {
    const map = renderSitemap(site, { articles: [seed], sections: [{ name: 'World', slug: 'world' }], authors: [{ slug: 'elizabeth-shim' }] });
    expect(XMLValidator.validate(map)).toBe(true);
    const locs = parser.parse(map).urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toEqual([
      'https://news.example/',
      'https://news.example/section/world',
      'https://news.example/author/elizabeth-shim',
      'https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress',
    ]);
  });
});

describe('renderNewsSitemap', () => {
  it('keeps only the last two days, with Google News fields', () => {
    const map = renderNewsSitemap(site, [hostile, seed, old], now);
    expect(XMLValidator.validate(map)).toBe(true);
    const urls = parser.parse(map).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual(['https://news.example/news/hostile', 'https://news.example/news/beijing-inter-korea-liaison-office-a-sign-of-progress']);
    expect(urls[1]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Newsroom & Co', 'news:language': 'en' },
      'news:publication_date': '2018-09-17T08:30:00.000Z',
      'news:title': 'Beijing: Inter-Korea liaison office a sign of progress',
    });
  });

  it('leaves out articles scheduled for later', () => {
    const future: Article = { ...seed, slug: 'future', publishedAt: '2018-09-19T00:00:00.000Z' };
    expect(renderNewsSitemap(site, [future], now)).not.toContain('future');
  });
});

describe('renderRobots', () => {
  it('points crawlers at both sitemaps', () => {
    expect(renderRobots(site)).toContain('Sitemap: https://news.example/news-sitemap.xml');
  });
});
