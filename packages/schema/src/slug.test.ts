import { describe, expect, it } from 'vitest';
import { slugify, slugSchema, uniqueSlug } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Beijing: Inter-Korea liaison office a sign of progress', 'beijing-inter-korea-liaison-office-a-sign-of-progress'],
    ["China's new rail plan", 'chinas-new-rail-plan'],
    ['Mayor’s “gift” to the city', 'mayors-gift-to-the-city'],
    ["Rock 'n' roll returns", 'rock-n-roll-returns'],
    ['Café in São Paulo wins Zürich prize', 'cafe-in-sao-paulo-wins-zurich-prize'],
    ['Straße, Ærø and Łódź', 'strasse-aero-and-lodz'],
    ['  --Hello,   World!!--  ', 'hello-world'],
    ['Ｆｕｌｌｗｉｄｔｈ １２３', 'fullwidth-123'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['Ticket prices up 25% in 2024', 'ticket-prices-up-25-in-2024'],
  ])('slugifies %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it.each([
    ['북한, 연락사무소 철수', 'bukhan-yeonraksamuso-cheolsu'],
    ['김민지 기자', 'gimminji-gija'],
    ['Москва открыла новую линию метро', 'moskva-otkryla-novuyu-liniyu-metro'],
    ['Ёлки и йогурт', 'yolki-i-yogurt'],
    ['Київ', 'kiyiv'],
    ['Αθήνα: νέο μετρό', 'athina-neo-metro'],
    ['محمد علي', 'mhmd-ely'],
    ['Seoul says 북한 will talk', 'seoul-says-bukhan-will-talk'],
    ['Kim의 발언', 'kimui-baleon'],
  ])('transliterates %j to Latin letters', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it.each([
    ['A & B', 'a-b'],
    ['I ♥ NY', 'i-ny'],
    ['Price €5', 'price-5'],
    ['iPhone sales', 'iphone-sales'],
    ['ÆRØ', 'aero'],
  ])('keeps the rules for symbols and case: %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it.each(['', '   ', '!!!', '北京', '🎉', '🎉🎊'])('falls back to "story" for %j', (text) => {
    expect(slugify(text)).toBe('story');
  });

  it('always produces a valid slug', () => {
    for (const text of ['A', "It's", 'x—y', 'Ω', '북', 'ё', 'ǅ', 'ŉ', '\u0301', 'a\u0301\u0301', 'Ｈｅｌｌｏ', 'ऋषि', '٣']) {
      expect(slugSchema.safeParse(slugify(text)).success, text).toBe(true);
    }
  });
});

describe('uniqueSlug', () => {
  it('returns the base when it is free', () => {
    expect(uniqueSlug('canal-reopens', () => false)).toBe('canal-reopens');
  });

  it('counts up from -2 past taken slugs', () => {
    const taken = new Set(['canal-reopens', 'canal-reopens-2', 'canal-reopens-3']);
    expect(uniqueSlug('canal-reopens', (slug) => taken.has(slug))).toBe('canal-reopens-4');
  });
});

describe('slugSchema', () => {
  it('accepts slugs and rejects other text', () => {
    expect(['a', 'a-b', 'a1-2b'].map((slug) => slugSchema.safeParse(slug).success)).toEqual([true, true, true]);
    expect(['', 'A', 'a--b', '-a', 'a-', 'a b', 'é'].map((slug) => slugSchema.safeParse(slug).success)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
