/**
 * Demo stories for a fresh install, written for this product (they report on nothing real).
 * Each paragraph is plain text; the seed turns them into Lexical documents.
 */
export type DemoStory = {
  headline: string;
  dek: string;
  section: string;
  authors: string[];
  dateline: { place?: string; month: number; day: number; agency?: string };
  paragraphs: string[];
  /**
   * The lead photo: a picture the seed draws itself (`scene`, in demo-photos.ts), its rights written into the file
   * (so the upload reads them from there), and the printed credit line.
   */
  photo?: { scene: DemoScene; alt: string; caption: string; credit: string; creator: string; licenseOffered: boolean };
  tags: string[];
  adPositions: ({ placement: 'top' } | { placement: 'after-paragraph'; paragraph: number })[];
};

export type DemoScene = 'harbor' | 'satellite' | 'night-bus';

export const DEMO_SECTIONS = [
  { name: 'World', slug: 'world', description: 'Reporting from around the globe.' },
  { name: 'Science', slug: 'science', description: 'Research, discovery and the people behind it.' },
  { name: 'City', slug: 'city', description: 'Life, politics and culture in the city.' },
];

export const DEMO_AUTHORS = [
  { name: 'Mara Lindqvist', slug: 'mara-lindqvist', bio: 'Mara covers coastal communities and climate adaptation.' },
  { name: 'Tomas Okafor', slug: 'tomas-okafor', bio: 'Tomas writes about research institutions and space science.' },
  { name: 'Ines Varga', slug: 'ines-varga', bio: 'Ines reports on city hall, transport and housing.' },
];

export const DEMO_STORIES: DemoStory[] = [
  {
    headline: 'Harbor town votes to rebuild its seawall with oyster reefs',
    dek: 'A living breakwater will replace crumbling concrete along two kilometres of shore.',
    section: 'world',
    authors: ['Mara Lindqvist'],
    dateline: { place: 'PORT ELLEN', month: 3, day: 14, agency: 'Newsroom' },
    paragraphs: [
      'Residents of this small harbor town voted by a wide margin on Tuesday to replace a failing concrete seawall with a chain of cultivated oyster reefs.',
      'The council said the reefs would soften waves before they reach the shore and grow taller as sea levels rise, unlike concrete, which must be rebuilt.',
      '"We spent forty years patching the old wall," said harbor master Elsie Duarte. "This time we are building something that repairs itself."',
      'Construction is due to begin in the spring, when volunteers will lower the first reef cages from fishing boats.',
      'Engineers will monitor wave heights behind the reef for three winters before the last section of the old wall is removed.',
      'Neighbouring towns have asked to see the results before deciding on their own defences.',
    ],
    photo: {
      scene: 'harbor',
      alt: 'A low sun over a calm harbor, a long seawall and the dark shapes of reef cages in the shallows.',
      caption: 'Volunteers inspect a test reef cage at low tide in Port Ellen.',
      credit: 'Photo by Ana Ruiz/Newsroom',
      creator: 'Ana Ruiz',
      licenseOffered: false,
    },
    tags: ['climate', 'coasts'],
    adPositions: [{ placement: 'top' }, { placement: 'after-paragraph', paragraph: 3 }],
  },
  {
    headline: 'Student-built satellite sends its first pictures home',
    dek: 'A shoebox-sized spacecraft designed by undergraduates is working a week after launch.',
    section: 'science',
    authors: ['Tomas Okafor'],
    dateline: { place: 'DELFT', month: 5, day: 2, agency: 'Newsroom' },
    paragraphs: [
      'A satellite no bigger than a shoebox, designed and assembled by a team of forty undergraduates, has sent its first photographs of Earth.',
      'The images, taken from about 500 kilometres up, show the coastline of the North Sea under a thin layer of cloud.',
      'Team lead Priya Natarajan said the students had feared the worst when the craft stayed silent for its first two passes.',
      '"On the third pass we heard the beacon, and the room just exploded," she said.',
      'The satellite will spend the next year testing a low-cost camera that the team hopes farmers could one day use to track crop health.',
    ],
    tags: ['space', 'education'],
    photo: {
      scene: 'satellite',
      alt: 'A small cube-shaped satellite with unfolded solar panels above the curve of the Earth.',
      caption: 'An artist’s rendering of the student satellite in orbit, its solar panels unfolded.',
      credit: 'Illustration by Priya Natarajan/Newsroom',
      creator: 'Priya Natarajan',
      licenseOffered: false,
    },
    adPositions: [{ placement: 'after-paragraph', paragraph: 2 }],
  },
  {
    headline: 'Night buses return to the river line after a four-year pause',
    dek: 'The city restores overnight service, citing demand from hospital and hotel workers.',
    section: 'city',
    authors: ['Ines Varga', 'Mara Lindqvist'],
    dateline: { month: 10, day: 9, agency: 'Newsroom' },
    paragraphs: [
      'Overnight buses will run along the river line again from next month, the transport authority announced on Thursday.',
      'The service was cut during a budget crisis four years ago, leaving shift workers with long walks or expensive taxis after midnight.',
      'A survey of hospital and hotel staff found that more than half had changed jobs or hours because of the lost service.',
      'Buses will run every twenty minutes between midnight and five in the morning, with stops at both hospitals and the central station.',
      'The authority said it would review passenger numbers after six months.',
      '"Cities do not close at midnight," said council member Rafael Costa, who campaigned for the return. "Their buses should not either."',
      'Fares will match daytime prices.',
    ],
    photo: {
      scene: 'night-bus',
      alt: 'A lit bus at a stop under street lamps, city towers behind it against a night sky.',
      caption: 'A night bus waits at the central station terminus.',
      credit: 'File Photo by Jon Mercer/Newsroom',
      creator: 'Jon Mercer',
      licenseOffered: true,
    },
    tags: ['transport'],
    adPositions: [{ placement: 'top' }, { placement: 'after-paragraph', paragraph: 2 }, { placement: 'after-paragraph', paragraph: 5 }],
  },
];

export const DEMO_AD_SLOTS = [
  {
    name: 'Leaderboard (top of article)',
    label: 'Advertisement',
    sizes: [
      { breakpoint: 'mobile', width: 320, height: 50 },
      { breakpoint: 'tablet', width: 728, height: 90 },
    ],
    placement: { kind: 'top' },
    creative: { kind: 'house', link: 'https://example.com/subscribe', alt: 'Subscribe to the newsroom newsletter' },
  },
  {
    name: 'In-article MPU',
    label: 'Advertisement',
    sizes: [{ breakpoint: 'mobile', width: 300, height: 250 }],
    placement: { kind: 'after-paragraph', paragraph: 2 },
    creative: { kind: 'html', html: '<p style="font:16px sans-serif">Your message here — contact our ad desk.</p>' },
  },
] as const;
