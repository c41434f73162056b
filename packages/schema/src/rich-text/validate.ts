import {
  LEXICAL_TEXT_FORMAT_MASK,
  RICH_TEXT_DIRECTIONS,
  RICH_TEXT_ELEMENT_FORMATS,
  RICH_TEXT_ELEMENT_TYPES,
  RICH_TEXT_HEADING_TAGS,
  RICH_TEXT_LIMITS,
  RICH_TEXT_LINK_TYPES,
  RICH_TEXT_LIST_TAGS,
  RICH_TEXT_LIST_TYPES,
  RICH_TEXT_NODE_TYPES,
  RICH_TEXT_TEXT_MODES,
  type RichTextLimits,
  type RichTextNodeType,
  richTextUrlProblem,
} from './allow-list.js';

export interface RichTextValidationOptions {
  /** Where the document sits, for messages: "body" gives "body.root.children[0]". */
  path?: string;
  /** Collections an upload node may point at; unset allows any collection-like name. */
  uploadCollections?: readonly string[];
  /** Collections a relationship node may point at; unset allows any collection-like name. */
  relationshipCollections?: readonly string[];
  /** Collections an internal link may point at; unset allows any collection-like name. */
  linkCollections?: readonly string[];
  limits?: Partial<RichTextLimits>;
  /** Stop after this many problems (default 5). */
  maxIssues?: number;
}

/** One reason a body is refused: where (a JS-style path into the JSON) and what is wrong there. */
export interface RichTextIssue {
  path: string;
  problem: string;
}

export type RichTextValidation = { ok: true } | { ok: false; issues: RichTextIssue[]; message: string };

/** "body.root.children[3].children[0]: link url scheme "javascript:" is not allowed" */
export function formatRichTextIssue(issue: RichTextIssue): string {
  return `${issue.path}: ${issue.problem}`;
}

/**
 * Checks a Lexical document against the allow-list in `allow-list.ts`: only the node types the editor offers, each
 * with only the fields Lexical and Payload write for it, every field of the expected type, enum, length and range,
 * link URLs by {@link richTextUrlProblem}, and the tree within the depth, node-count and text-length limits.
 * Nesting is free between element nodes (pasting produces quotes holding lists, list items holding headings…),
 * except that a list holds only list items, list items sit only in lists, and text sits inside an element.
 */
export function validateRichText(value: unknown, options: RichTextValidationOptions = {}): RichTextValidation {
  const checker = new Checker(options);
  try {
    checker.document(value, options.path ?? 'body');
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  const { issues } = checker;
  return issues.length === 0 ? { ok: true } : { ok: false, issues, message: issues.map(formatRichTextIssue).join('; ') };
}

class Stop extends Error {}

type Node = Record<string, unknown>;

const NODE_TYPES: ReadonlySet<string> = new Set(RICH_TEXT_NODE_TYPES);
const ELEMENT_TYPES: ReadonlySet<string> = new Set(RICH_TEXT_ELEMENT_TYPES);
const TEXT_LIKE: ReadonlySet<string> = new Set(['text', 'tab', 'linebreak']);

/** `$` is Lexical's node state; the default features set none, but Lexical serializes it when present. */
const COMMON_KEYS = ['type', 'version', '$'];
const ELEMENT_KEYS = ['children', 'direction', 'format', 'indent', 'textFormat', 'textStyle'];
const TEXT_KEYS = ['text', 'format', 'detail', 'mode', 'style'];
const KEYS: Record<RichTextNodeType, ReadonlySet<string>> = {
  root: keys(ELEMENT_KEYS),
  paragraph: keys(ELEMENT_KEYS),
  heading: keys(ELEMENT_KEYS, ['tag']),
  quote: keys(ELEMENT_KEYS),
  list: keys(ELEMENT_KEYS, ['listType', 'start', 'tag']),
  listitem: keys(ELEMENT_KEYS, ['checked', 'value']),
  link: keys(ELEMENT_KEYS, ['fields', 'id']),
  autolink: keys(ELEMENT_KEYS, ['fields']),
  text: keys(TEXT_KEYS),
  tab: keys(TEXT_KEYS),
  linebreak: keys(),
  horizontalrule: keys(),
  upload: keys(['format', 'id', 'fields', 'relationTo', 'value', 'pending']),
  relationship: keys(['format', 'relationTo', 'value']),
};
const LINK_FIELD_KEYS: ReadonlySet<string> = new Set(['linkType', 'url', 'newTab', 'doc']);

function keys(...groups: string[][]): ReadonlySet<string> {
  return new Set([...COMMON_KEYS, ...groups.flat()]);
}

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

class Checker {
  readonly issues: RichTextIssue[] = [];
  private readonly limits: RichTextLimits;
  private readonly maxIssues: number;
  private nodes = 0;
  private textLength = 0;

  constructor(private readonly options: RichTextValidationOptions) {
    this.limits = { ...RICH_TEXT_LIMITS, ...options.limits };
    this.maxIssues = Math.max(1, options.maxIssues ?? 5);
  }

  private fail(path: string, problem: string): void {
    this.issues.push({ path, problem });
    if (this.issues.length >= this.maxIssues) throw new Stop();
  }

  document(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, `must be a Lexical document ({ "root": … }), not ${describe(value)}`);
    for (const key of Object.keys(value)) if (key !== 'root') this.fail(path, `has an unexpected field ${quote(key)}`);
    this.node(value.root, `${path}.root`, 0, undefined);
  }

  private node(value: unknown, path: string, depth: number, parent: string | undefined): void {
    if (++this.nodes > this.limits.maxNodes) {
      this.fail(path, `the document has more than ${this.limits.maxNodes} nodes`);
      throw new Stop();
    }
    if (depth > this.limits.maxDepth) return this.fail(path, `nodes are nested deeper than ${this.limits.maxDepth} levels`);
    if (!isObject(value)) return this.fail(path, `must be a node object, not ${describe(value)}`);
    const type = value.type;
    if (typeof type !== 'string') return this.fail(path, `node has no "type" (found ${describe(type)})`);
    if (!NODE_TYPES.has(type)) return this.fail(path, `node type ${quote(type)} is not allowed`);
    const nodeType = type as RichTextNodeType;

    if (depth === 0 && nodeType !== 'root') return this.fail(path, `the top node must be "root", not ${quote(type)}`);
    if (depth > 0 && nodeType === 'root') return this.fail(path, '"root" may only be the top node');
    if (parent === 'list' && nodeType !== 'listitem') return this.fail(path, `a list may hold only "listitem" nodes, not ${quote(type)}`);
    if (nodeType === 'listitem' && parent !== 'list') return this.fail(path, '"listitem" must be inside a "list"');
    if (parent === 'root' && TEXT_LIKE.has(nodeType)) return this.fail(path, `${type} must be inside a paragraph or another element, not directly in root`);

    const allowed = KEYS[nodeType];
    for (const key of Object.keys(value)) if (!allowed.has(key)) this.fail(path, `${type} has an unexpected field ${quote(key)}`);
    this.optionalInteger(path, type, 'version', value.version, 0, 100);
    if (value.$ !== undefined) this.primitiveRecord(path, `${type} state ("$")`, value.$);

    if (ELEMENT_TYPES.has(nodeType)) this.elementFields(path, type, value);
    switch (nodeType) {
      case 'text':
      case 'tab':
        this.textFields(path, nodeType, value);
        break;
      case 'heading':
        this.oneOf(path, 'heading tag', value.tag, RICH_TEXT_HEADING_TAGS);
        break;
      case 'list':
        this.listFields(path, value);
        break;
      case 'listitem':
        this.optionalInteger(path, type, 'value', value.value, -1e9, 1e9);
        if (value.checked !== undefined && typeof value.checked !== 'boolean') this.fail(path, `listitem checked must be true or false, not ${describe(value.checked)}`);
        break;
      case 'link':
      case 'autolink':
        this.linkFields(path, nodeType, value);
        break;
      case 'upload':
        this.uploadFields(path, value);
        break;
      case 'relationship':
        this.optionalOneOf(path, 'relationship format', value.format, RICH_TEXT_ELEMENT_FORMATS);
        this.reference(path, 'relationship', value.relationTo, value.value, this.options.relationshipCollections);
        break;
      default:
        break;
    }

    if (!ELEMENT_TYPES.has(nodeType)) return;
    const children = value.children;
    if (!Array.isArray(children)) return this.fail(path, `${type} children must be an array, not ${describe(children)}`);
    children.forEach((child, index) => this.node(child, `${path}.children[${index}]`, depth + 1, nodeType));
  }

  private elementFields(path: string, type: string, node: Node): void {
    if (node.direction !== undefined) this.oneOf(path, `${type} direction`, node.direction, RICH_TEXT_DIRECTIONS);
    this.optionalOneOf(path, `${type} format (alignment)`, node.format, RICH_TEXT_ELEMENT_FORMATS);
    this.optionalInteger(path, type, 'indent', node.indent, 0, this.limits.maxIndent);
    this.optionalInteger(path, type, 'textFormat', node.textFormat, 0, LEXICAL_TEXT_FORMAT_MASK);
    if (node.textStyle !== undefined) this.string(path, `${type} textStyle`, node.textStyle, this.limits.maxStringLength);
  }

  private textFields(path: string, type: 'text' | 'tab', node: Node): void {
    if (typeof node.text !== 'string') return this.fail(path, `${type} text must be a string, not ${describe(node.text)}`);
    if (type === 'tab' && node.text !== '\t') this.fail(path, `tab text must be a tab character, not ${quote(node.text)}`);
    this.string(path, `${type} text`, node.text, this.limits.maxTextLength);
    this.textLength += node.text.length;
    if (this.textLength > this.limits.maxTotalTextLength) {
      this.fail(path, `the document has more than ${this.limits.maxTotalTextLength} characters of text`);
      throw new Stop();
    }
    this.optionalInteger(path, type, 'format', node.format, 0, LEXICAL_TEXT_FORMAT_MASK);
    this.optionalInteger(path, type, 'detail', node.detail, 0, 3);
    this.optionalOneOf(path, `${type} mode`, node.mode, RICH_TEXT_TEXT_MODES);
    if (node.style !== undefined) this.string(path, `${type} style`, node.style, this.limits.maxStringLength);
  }

  private listFields(path: string, node: Node): void {
    this.oneOf(path, 'list listType', node.listType, RICH_TEXT_LIST_TYPES);
    this.optionalOneOf(path, 'list tag', node.tag, RICH_TEXT_LIST_TAGS);
    if (typeof node.listType === 'string' && typeof node.tag === 'string' && node.tag !== (node.listType === 'number' ? 'ol' : 'ul')) {
      this.fail(path, `a ${node.listType} list must use the tag ${node.listType === 'number' ? '"ol"' : '"ul"'}, not ${quote(node.tag)}`);
    }
    this.optionalInteger(path, 'list', 'start', node.start, -1e9, 1e9);
  }

  private linkFields(path: string, type: 'link' | 'autolink', node: Node): void {
    if (node.id !== undefined) this.id(path, `${type} id`, node.id);
    const fields = node.fields;
    if (!isObject(fields)) return this.fail(path, `${type} fields must be an object, not ${describe(fields)}`);
    for (const key of Object.keys(fields)) if (!LINK_FIELD_KEYS.has(key)) this.fail(path, `${type} fields has an unexpected field ${quote(key)}`);
    const linkType = fields.linkType ?? 'custom';
    if (!this.oneOf(path, `${type} linkType`, linkType, type === 'autolink' ? ['custom'] : RICH_TEXT_LINK_TYPES)) return;
    if (fields.newTab !== undefined && fields.newTab !== null && typeof fields.newTab !== 'boolean') {
      this.fail(path, `${type} newTab must be true or false, not ${describe(fields.newTab)}`);
    }
    if (linkType === 'internal') {
      if (fields.url !== undefined && fields.url !== '') this.url(path, type, fields.url);
      const doc = fields.doc;
      if (!isObject(doc)) return this.fail(path, `internal ${type} doc must be an object { relationTo, value }, not ${describe(doc)}`);
      for (const key of Object.keys(doc)) if (key !== 'relationTo' && key !== 'value') this.fail(path, `${type} doc has an unexpected field ${quote(key)}`);
      this.reference(path, `internal ${type}`, doc.relationTo, doc.value, this.options.linkCollections);
      return;
    }
    if (fields.doc !== undefined && fields.doc !== null) this.fail(path, `a custom ${type} may not have a doc`);
    this.url(path, type, fields.url);
  }

  private url(path: string, type: string, url: unknown): void {
    if (typeof url !== 'string') return this.fail(path, `${type} url must be a string, not ${describe(url)}`);
    const problem = richTextUrlProblem(url, this.limits.maxUrlLength);
    if (problem) this.fail(path, `${type} url ${problem}`);
  }

  private uploadFields(path: string, node: Node): void {
    this.optionalOneOf(path, 'upload format', node.format, RICH_TEXT_ELEMENT_FORMATS);
    if (node.id !== undefined) this.id(path, 'upload id', node.id);
    if (node.fields !== undefined && node.fields !== null) this.primitiveRecord(path, 'upload fields', node.fields);
    if (node.pending !== undefined) {
      // An image pasted into the editor is uploaded in the background; until then the node holds where it came from.
      const pending = node.pending;
      if (!isObject(pending)) return this.fail(path, `upload pending must be an object, not ${describe(pending)}`);
      for (const [key, value] of Object.entries(pending)) {
        if (key === 'formID') this.id(path, 'upload pending formID', value);
        else if (key === 'src') this.string(path, 'upload pending src', value, this.limits.maxUrlLength);
        else this.fail(path, `upload pending has an unexpected field ${quote(key)}`);
      }
      if (node.relationTo === undefined && node.value === undefined) return;
    }
    this.reference(path, 'upload', node.relationTo, node.value, this.options.uploadCollections);
  }

  /** A `{ relationTo, value }` pair: a collection by name and a document id (never a populated document). */
  private reference(path: string, what: string, relationTo: unknown, value: unknown, collections: readonly string[] | undefined): void {
    if (typeof relationTo !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(relationTo)) {
      this.fail(path, `${what} relationTo must be a collection name, not ${describe(relationTo)}`);
    } else if (collections && !collections.includes(relationTo)) {
      this.fail(path, `${what} may not point at the collection ${quote(relationTo)}`);
    }
    if (typeof value === 'number' ? !Number.isSafeInteger(value) || value < 0 : typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
      this.fail(path, `${what} value must be a document id, not ${describe(value)}`);
    }
  }

  private id(path: string, what: string, value: unknown): void {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value)) this.fail(path, `${what} must be an id of letters, digits, "-" or "_", not ${describe(value)}`);
  }

  /** An object of at most 50 string, number, boolean or null values: data the site never renders as markup. */
  private primitiveRecord(path: string, what: string, value: unknown): void {
    if (!isObject(value)) return this.fail(path, `${what} must be an object, not ${describe(value)}`);
    const entries = Object.entries(value);
    if (entries.length > 50) this.fail(path, `${what} has more than 50 entries`);
    for (const [key, item] of entries.slice(0, 50)) {
      if (key.length > 64) this.fail(path, `${what} has a field name longer than 64 characters`);
      else if (typeof item === 'string') this.string(path, `${what} ${quote(key)}`, item, this.limits.maxStringLength);
      else if (!(item === null || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item)))) {
        this.fail(path, `${what} ${quote(key)} must be a string, number, boolean or null, not ${describe(item)}`);
      }
    }
  }

  private string(path: string, what: string, value: unknown, maxLength: number): void {
    if (typeof value !== 'string') return this.fail(path, `${what} must be a string, not ${describe(value)}`);
    if (value.length > maxLength) return this.fail(path, `${what} is longer than ${maxLength} characters`);
    // PostgreSQL's jsonb cannot store U+0000, and no editor types it.
    if (value.includes('\u0000')) this.fail(path, `${what} contains a NUL character`);
  }

  private oneOf(path: string, what: string, value: unknown, allowed: readonly unknown[]): boolean {
    if (allowed.includes(value)) return true;
    this.fail(path, `${what} must be one of ${allowed.map((item) => (item === null ? 'null' : quote(item))).join(', ')}, not ${describe(value)}`);
    return false;
  }

  private optionalOneOf(path: string, what: string, value: unknown, allowed: readonly unknown[]): void {
    if (value !== undefined) this.oneOf(path, what, value, allowed);
  }

  private optionalInteger(path: string, type: string, field: string, value: unknown, min: number, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `${type} ${field} must be a whole number from ${min} to ${max}, not ${describe(value)}`);
    }
  }
}
