import { describe, expect, it } from 'vitest';
import { bylineSchema, formatByline, joinAuthorNames, parseByline } from './byline.js';

describe('parseByline', () => {
  it.each([
    ['By Nia Holm', ['Nia Holm']],
    ['By Marta Okafor and Daniel Reyes', ['Marta Okafor', 'Daniel Reyes']],
    ['By Ines Varga, Tomas Lind and Ruth Adeyemi', ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi']],
    ['By Ines Varga, Tomas Lind, and Ruth Adeyemi', ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi']],
    ['By Ana de la Cruz & J.R. Okoye', ['Ana de la Cruz', 'J.R. Okoye']],
    ["  By Frances d'Amato and Seán O'Neil-Ruiz  ", ["Frances d'Amato", "Seán O'Neil-Ruiz"]],
  ])('reads %j', (line, names) => {
    expect(parseByline(line)).toEqual(names);
  });

  it.each([
    'By the end of the week, the river had risen.',
    'By Tuesday the river had risen',
    'Bystanders said the fire spread fast',
    'by Nia Holm',
    'By',
    'By ',
    'By Nia Holm, 42, and her sister',
    'Nia Holm',
  ])('is undefined for the non-byline %j', (line) => {
    expect(parseByline(line)).toBeUndefined();
  });
});

describe('formatByline', () => {
  it('prints AP style without an Oxford comma', () => {
    expect([formatByline([]), formatByline(['A']), formatByline(['A', 'B']), formatByline(['A', 'B', 'C'])]).toEqual([
      '',
      'By A',
      'By A and B',
      'By A, B and C',
    ]);
  });

  it('round-trips through parseByline', () => {
    const names = ['Ines Varga', 'Tomas Lind', 'Ruth Adeyemi'];
    expect(parseByline(formatByline(names))).toEqual(names);
  });
});

describe('joinAuthorNames', () => {
  it('joins without the "By"', () => {
    expect(joinAuthorNames(['Ines Varga', 'Tomas Lind'])).toBe('Ines Varga and Tomas Lind');
  });
});

describe('bylineSchema', () => {
  it('rejects blank names', () => {
    expect(bylineSchema.safeParse({ authors: ['Nia Holm'] }).success).toBe(true);
    expect(bylineSchema.safeParse({ authors: ['  '] }).success).toBe(false);
  });
});
