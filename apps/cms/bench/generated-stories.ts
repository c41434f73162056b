/**
 * Synthetic wire stories for the benchmarks (`npm run bench:import`, `npm run bench:scale`): every one different
 * (its number is in the headline, so every slug is new), in the wire format the import parses.
 */
import type { WireFile } from '../src/import/wire-import';

const CITIES = ['LISBON', 'OSLO', 'NAIROBI', 'LIMA', 'HANOI', 'QUEBEC CITY', 'ADELAIDE', 'TBILISI'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
export const REPORTERS = ['Aiko Tanaka', 'Bruno Silva', 'Chiara Russo', 'Dev Patel', 'Emeka Obi', 'Freya Holm'];

/** A synthetic story in the wire format: headline, byline, caption + credit, dateline paragraph, body, ads. */
export function generatedStory(i: number): WireFile {
  const city = CITIES[i % CITIES.length]!;
  const month = MONTHS[i % 12]!;
  const reporter = REPORTERS[i % REPORTERS.length]!;
  const lines = [
    'Advertisement',
    '',
    `Council approves plan number ${i} for ${city.toLowerCase()} waterfront`,
    '',
    `By ${reporter}`,
    `Workers survey the waterfront site in ${city.toLowerCase()}. Photo by Sam Reyes/UPI`,
    '',
    `${city}, ${month} ${(i % 28) + 1} (UPI) -- The city council approved plan ${i} on Tuesday after a long debate.`,
    '',
    `"This is a good day for the harbor," the mayor said of plan ${i}.`,
    '',
    'Advertisement',
    '',
    ...Array.from({ length: 6 }, (_, p) => [`Paragraph ${p + 3} of story ${i} explains what happens next, and who pays.`, '']).flat(),
  ];
  return { name: `story-${i}.txt`, content: lines.join('\n') };
}
