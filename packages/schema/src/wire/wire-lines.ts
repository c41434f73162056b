/** A line of wire copy. */
export interface WireLine {
  /** 1-based. */
  number: number;
  /** Trimmed. */
  text: string;
}

/** Splits decoded wire text into trimmed, numbered lines; CRLF, CR and LF all end a line. */
export function splitWireLines(text: string): WireLine[] {
  return text.split(/\r\n|\r|\n/).map((line, index) => ({ number: index + 1, text: line.trim() }));
}

/** An ad slot marker. */
export const isAdvertisement = (text: string): boolean => /^advertisement$/i.test(text);
/** The marker that ends the story: what follows is the page's headline rail. */
export const isLatestHeadlines = (text: string): boolean => /^latest headlines$/i.test(text);
/** The link to license the photo whose caption is above it. */
export const isLicenseLink = (text: string): boolean => /^\|?\s*license photo$/i.test(text);

/** The next line from `start` that is neither blank nor an ad marker. */
export function nextContentLine(lines: readonly WireLine[], start: number): WireLine | undefined {
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.text !== '' && !isAdvertisement(line.text)) return line;
  }
  return undefined;
}

/** Text quoted for a message, cut to 60 characters. */
export function quote(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}
