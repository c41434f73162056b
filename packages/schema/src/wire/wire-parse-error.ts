/**
 * Why wire text was refused:
 * - `empty`: nothing but whitespace;
 * - `binary`: not text (invalid UTF-8, or mostly control characters: a few are removed with a warning instead);
 * - `no-headline`: the first line of text is not a headline;
 * - `no-dateline`: no paragraph starts with a dateline such as "Sept. 17 (UPI) --";
 * - `invalid`: the text is shaped like a story but something in it is wrong (e.g. "Feb. 31");
 * - `too-large`: more text than one wire story can be ({@link MAX_WIRE_TEXT_BYTES}); refused before it is read.
 */
export type WireParseErrorCode = 'empty' | 'binary' | 'no-headline' | 'no-dateline' | 'invalid' | 'too-large';

/**
 * The most wire copy the parser reads: 512 KiB of UTF-8. A wire story is a few KiB (the longest features
 * stay under 100 KiB), so anything larger is not one story — and refusing it up front bounds the work.
 */
export const MAX_WIRE_TEXT_BYTES = 512 * 1024;

/** A refusal, worded for the person who has to fix the file. */
export interface WireParseError {
  code: WireParseErrorCode;
  /** Human-readable; starts with "line N: " when `line` is set. */
  message: string;
  /** 1-based line in the input where the problem is. */
  line?: number;
  /** For `too-large`: the limit, in bytes of UTF-8. */
  limit?: number;
}

/** The error form of {@link WireParseError}, for callers that prefer exceptions. */
export class WireParseException extends Error {
  readonly code: WireParseErrorCode;
  readonly line: number | undefined;
  readonly limit: number | undefined;

  constructor(error: WireParseError) {
    super(error.message);
    this.name = 'WireParseException';
    this.code = error.code;
    this.line = error.line;
    this.limit = error.limit;
  }
}

/**
 * What was read but is worth a look:
 * - `control-characters`: characters HTML and XML do not allow (C0/C1 controls other than tab, LF and CR,
 *   noncharacters, unpaired surrogates) were removed from the text;
 * - `byline-as-text`: the "By" line names neither a person nor an agency the parser recognises, so it is kept as
 *   printed text and the story has no authors.
 */
export type WireParseWarningCode = 'control-characters' | 'byline-as-text';

/** A note about a story that was read, worded for the person importing it. */
export interface WireParseWarning {
  code: WireParseWarningCode;
  /** Human-readable; starts with "line N: " when `line` is set. */
  message: string;
  /** 1-based line in the input: where the problem is, or where the first of several is. */
  line?: number;
  /** For `control-characters`: how many were removed. */
  count?: number;
}
