/**
 * Why wire text was refused:
 * - `empty`: nothing but whitespace;
 * - `binary`: not text (NUL bytes, invalid UTF-8, mostly control characters);
 * - `no-headline`: the first line of text is not a headline;
 * - `no-dateline`: no paragraph starts with a dateline such as "Sept. 17 (UPI) --";
 * - `invalid`: the text is shaped like a story but something in it is wrong (e.g. "Feb. 31").
 */
export type WireParseErrorCode = 'empty' | 'binary' | 'no-headline' | 'no-dateline' | 'invalid';

/** A refusal, worded for the person who has to fix the file. */
export interface WireParseError {
  code: WireParseErrorCode;
  /** Human-readable; starts with "line N: " when `line` is set. */
  message: string;
  /** 1-based line in the input where the problem is. */
  line?: number;
}

/** The error form of {@link WireParseError}, for callers that prefer exceptions. */
export class WireParseException extends Error {
  readonly code: WireParseErrorCode;
  readonly line: number | undefined;

  constructor(error: WireParseError) {
    super(error.message);
    this.name = 'WireParseException';
    this.code = error.code;
    this.line = error.line;
  }
}
