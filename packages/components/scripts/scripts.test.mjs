import { describe, expect, it } from 'vitest';
import { minifyCss, minifyHtml, minifyLiterals } from './minify-literals.mjs';
import { measure, overBudget } from './size.mjs';

describe('minifyLiterals', () => {
  it('minifies css`` and html`` templates and nothing else, keeping line numbers', () => {
    const source = [
      "const styles = css`",
      "  a {",
      "    color: red; /* note */",
      "  }",
      "`;",
      "const view = html`<p>",
      "  ${x}",
      "</p>`;",
      "const text = `  keep   me  `;",
      "const after = 1;",
    ].join('\n');
    const output = minifyLiterals(source, 'x.ts');
    expect(output).toContain('css`a{color:red}`');
    expect(output).toContain('html`<p>${x}</p>`');
    expect(output).toContain('`  keep   me  `');
    expect(output.split('\n').indexOf('const after = 1;')).toBe(source.split('\n').indexOf('const after = 1;'));
  });

  it('keeps a space between attributes and inside text', () => {
    expect(minifyHtml('<a\n  href=${x}\n  title="t">one two</a>\n  <b>')).toBe('<a href=${x} title="t">one two</a><b>');
    expect(minifyHtml('\n  >text</a\n  >')).toBe('>text</a>');
  });

  it('keeps what CSS needs', () => {
    expect(minifyCss("li + li { margin: 0 0.5em; }\n[part='x']:not(:empty) > a { inset: 0 }")).toBe('li + li{margin:0 .5em}[part=x]:not(:empty) > a{inset:0}');
  });
});

describe('size budget', () => {
  it('measures min, gzip and brotli, and reports what is over budget', () => {
    const sizes = measure('x'.repeat(1000));
    expect(sizes.min).toBe(1000);
    expect(sizes.gzip).toBeLessThan(100);
    expect(sizes.brotli).toBeLessThan(100);
    expect(overBudget('f', { brotli: 10, gzip: 20 }, { brotli: 10, gzip: 19 })).toEqual(['f: 20 B gzip is over the budget of 19 B']);
    expect(overBudget('f', { brotli: 10, gzip: 20 }, { brotli: 10, gzip: 20 })).toEqual([]);
  });
});
