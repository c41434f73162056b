export { AP_MONTHS, datelineIsoDate, datelineSchema, daysInMonth, formatDateline, isLeapYear, monthFromName, resolveDatelineYear } from './dateline.js';
export type { ApMonth, Dateline } from './dateline.js';
export { bylineSchema, formatByline, joinAuthorNames, parseByline, wireBylineSchema } from './byline.js';
export type { Byline, ParsedByline, WireByline } from './byline.js';
export { authorSchema } from './author.js';
export type { Author } from './author.js';
export { sectionSchema } from './section.js';
export type { Section } from './section.js';
export { parseCreditLine, photoSchema, splitCaptionLine } from './photo.js';
export type { CaptionLine, Photo, PhotoCredit } from './photo.js';
export { adPositionSchema } from './ad-position.js';
export type { AdPosition } from './ad-position.js';
export { headlineSchema } from './headline.js';
export type { Headline } from './headline.js';
export { isoDateTimeSchema, linkSchema } from './link.js';
export { slugify, slugSchema, uniqueSlug } from './slug.js';
export { wireStorySchema } from './story.js';
export type { WireStory } from './story.js';
export { articleSchema, articleStatusSchema } from './article.js';
export type { Article, ArticleStatus } from './article.js';
export { articleDateModified, CORRECTION_LABELS, correctionKindSchema, correctionSchema, latestCorrection } from './correction.js';
export type { Correction, CorrectionKind } from './correction.js';
export { escapeHtml } from './escape-html.js';
export { MAX_WIRE_TEXT_BYTES, parseWireStory, parseWireStoryOrThrow, WireParseException } from './wire/parse-wire-story.js';
export type { WireParseError, WireParseErrorCode, WireParseOptions, WireParseResult, WireParseWarning, WireParseWarningCode } from './wire/parse-wire-story.js';
export { matchDatelinePrefix, resolveDatelinePrefix } from './wire/dateline-prefix.js';
export type { DatelinePrefix } from './wire/dateline-prefix.js';
export { decodeWireText } from './wire/decode-wire-text.js';
export type { DecodedWireText } from './wire/decode-wire-text.js';
export { jsonLdScriptContent, toNewsArticleJsonLd } from './serialize/json-ld.js';
export { NINJS_SCHEMA_URL, NINJS_VERSION, toNinjs } from './serialize/ninjs.js';
export type { NinjsItem, NinjsOptions, NinjsSite } from './serialize/ninjs.js';
export type { NinjsArticle, NinjsPhotoInput } from './serialize/ninjs.js';
export { formatNinjsError, MAX_NINJS_ASSOCIATION_DEPTH, MAX_NINJS_ERRORS, validateNinjs } from './ninjs/validate.js';
export type { NinjsValidation } from './ninjs/validate.js';
export type { NinjsAssociation, NinjsDocument, NinjsItemProperties, NinjsPubStatus, NinjsRendition, NinjsValidationError } from './ninjs/types.js';
export { MAX_NINJS_BYTES, parseNinjs } from './ninjs/parse.js';
export type { NinjsParseError, NinjsParseErrorCode, NinjsParseOptions, NinjsParseResult, NinjsPhoto, NinjsStory } from './ninjs/parse.js';
export { htmlToRichText, MAX_HTML_NESTING, MAX_LIST_NESTING, paragraphsToRichText, richTextToParagraphs } from './ninjs/html-to-rich-text.js';
export type { LexicalBlockNode, LexicalInlineNode, LexicalRoot } from './ninjs/html-to-rich-text.js';
export type { SiteInfo } from './serialize/site.js';
export { AD_BREAKPOINTS, adCreativeSchema, adPlacementRuleSchema, adSizeSchema, adSlotSchema } from './ad-slot.js';
export type { AdBreakpoint, AdCreative, AdPlacementRule, AdSize, AdSlot } from './ad-slot.js';
export { adPlacementsFor } from './ad-placement.js';
export type { AdPlacement, ArticleAdSettings } from './ad-placement.js';
export {
  hasWhitespaceOrControl,
  LEXICAL_TEXT_FORMAT_MASK,
  RICH_TEXT_DIRECTIONS,
  RICH_TEXT_ELEMENT_FORMATS,
  RICH_TEXT_ELEMENT_TYPES,
  RICH_TEXT_HEADING_TAGS,
  RICH_TEXT_LEAF_TYPES,
  RICH_TEXT_LIMITS,
  RICH_TEXT_LINK_TYPES,
  RICH_TEXT_LIST_TAGS,
  RICH_TEXT_LIST_TYPES,
  RICH_TEXT_NODE_TYPES,
  RICH_TEXT_TEXT_FORMATS,
  RICH_TEXT_TEXT_MODES,
  RICH_TEXT_URL_SCHEMES,
  richTextUrlProblem,
} from './rich-text/allow-list.js';
export type { RichTextLimits, RichTextNodeType } from './rich-text/allow-list.js';
export { formatRichTextIssue, validateRichText } from './rich-text/validate.js';
export type { RichTextIssue, RichTextValidation, RichTextValidationOptions } from './rich-text/validate.js';
export { INTENDED_USES, LICENSE_REQUEST_EMAIL, LICENSE_REQUEST_FIELDS, LICENSE_REQUEST_HONEYPOT, LICENSE_REQUEST_FIELD_LIMITS } from './license-request.js';
export type { IntendedUse, LicenseRequestField, LicenseRequestValues } from './license-request.js';

export {
  AD_SLOT_SELECT,
  ARTICLE_POPULATE,
  ARTICLE_SELECT,
  AUTHOR_SELECT,
  HEADLINE_POPULATE,
  HEADLINE_SELECT,
  LIST_SELECT,
  MEDIA_SELECT,
  SECTION_SELECT,
  type Select,
} from './reader-fields.js';
