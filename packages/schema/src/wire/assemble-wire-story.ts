import type { Dateline } from '../dateline.js';
import { wireStorySchema, type WireStory } from '../story.js';
import type { WireBody } from './read-wire-body.js';
import type { WireHeader } from './read-wire-header.js';
import type { WireParseError } from './wire-parse-error.js';

/** What the steps of the parser read, put together by {@link assembleWireStory}. */
export interface WireStoryParts {
  header: WireHeader;
  dateline: Dateline;
  body: WireBody;
}

/** The story, or why the parts do not make one. */
export type AssembledWireStory = { ok: true; story: WireStory } | { ok: false; error: WireParseError };

/**
 * Puts the header, dateline and body together into a {@link WireStory} and validates it against
 * {@link wireStorySchema}: the `top` ad slot (when the header has one) comes before the body's slots; the byline is
 * kept as printed, with its agency, and its recognised names are the authors.
 *
 * The parts come from the parser's own steps, so a validation failure is a parser bug; it is reported as `invalid`
 * rather than thrown.
 */
export function assembleWireStory({ header, dateline, body }: WireStoryParts): AssembledWireStory {
  const { byline } = header;
  const story: WireStory = {
    headline: header.headline,
    authors: byline?.authors ?? [],
    ...(byline ? { byline: { text: byline.text, ...(byline.agency === undefined ? {} : { agency: byline.agency }) } } : {}),
    dateline,
    ...(header.photo ? { photo: header.photo } : {}),
    paragraphs: body.paragraphs,
    adPositions: header.topAd ? [{ placement: 'top' }, ...body.adPositions] : body.adPositions,
    latestHeadlines: body.latestHeadlines,
  };
  const checked = wireStorySchema.safeParse(story);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid',
        message: `the story read from the input is not valid: ${issue?.path.join('.') || 'story'}: ${issue?.message ?? 'unknown problem'}`,
      },
    };
  }
  return { ok: true, story: checked.data };
}
