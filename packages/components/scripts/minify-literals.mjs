// Shrinks the text of html`` and css`` tagged templates. esbuild cannot: to it they are just strings.
// Both the ESM build and the standalone bundle go through this, so server-rendered templates and the browser's
// templates stay identical (hydration matches templates by a hash of their strings).
import ts from 'typescript';

/** Minifies the static text of a css`` template: comments, whitespace, leading zeros, quotes around attribute values. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
    .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
    .trim();
}

/**
 * Minifies the static text of an html`` template: a run of whitespace containing a line break disappears next to a
 * tag boundary (after `>`, or before `<` or `>`) and becomes one space elsewhere (between attributes). Runs without a
 * line break are kept, so write `a ${b}` on one line when the space matters.
 */
export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, (run, offset) => {
    const before = text[offset - 1];
    const after = text[offset + run.length];
    return before === '>' || after === '<' || after === '>' ? '' : ' ';
  });
}

/**
 * Rewrites every html`` and css`` template in a TypeScript or JavaScript module. Line breaks taken out of a template
 * are put back right after it, so line numbers (and source maps) of the code that follows do not move.
 */
export function minifyLiterals(code, fileName = 'module.ts') {
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
      const template = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      let removedLines = 0;
      for (const literal of literals) {
        const start = literal.getStart(source) + 1;
        const closing = ts.isTemplateHead(literal) || ts.isTemplateMiddle(literal) ? 2 : 1;
        const end = literal.end - closing;
        const text = code.slice(start, end);
        const minified = minify(text);
        removedLines += text.split('\n').length - minified.split('\n').length;
        edits.push({ start, end, text: minified });
      }
      if (removedLines > 0) edits.push({ start: node.end, end: node.end, text: '\n'.repeat(removedLines) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = code;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** An esbuild plugin applying {@link minifyLiterals} to the package's own TypeScript sources. */
export function minifyLiteralsPlugin() {
  return {
    name: 'minify-literals',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
        const { readFile } = await import('node:fs/promises');
        return { contents: minifyLiterals(await readFile(path, 'utf8'), path), loader: 'ts' };
      });
    },
  };
}
