import type { Article } from '../article.js';

/** An invented, fully filled article for serializer tests. */
export const NIGHT_TRAINS: Article = {
  id: 'a1',
  slug: 'night-trains-return-to-the-northern-line',
  headline: 'Night trains return to the northern line',
  dek: 'Sleeper cars roll again after a four-year pause.',
  authors: [
    { name: 'Oskar Brandt', slug: 'oskar-brandt' },
    { name: 'Ines Varga', slug: 'ines-varga', bio: 'Transport reporter.' },
  ],
  dateline: { place: 'OSLO', month: 4, day: 30, year: 2022, agency: 'UPI' },
  section: { name: 'World News', slug: 'world-news' },
  tags: ['rail', 'Norway'],
  photo: {
    src: '/media/sleeper-car.jpg',
    alt: 'A blue sleeper car at a depot',
    caption: 'A sleeper car waits at the depot in March.',
    credit: 'File Photo by Lea Moreau/UPI',
    creator: 'Lea Moreau',
    copyright: '© 2022 UPI',
    licenseUrl: 'https://photos.example/license/sleeper-car',
    licenseOffered: true,
    width: 1200,
    height: 800,
  },
  paragraphs: ['Overnight trains will run again from June.', 'Tickets go on sale <b>Monday</b> & sell "fast".'],
  adPositions: [{ placement: 'top' }],
  status: 'published',
  publishedAt: '2022-04-30T06:00:00Z',
  updatedAt: '2022-04-30T09:15:00Z',
};
