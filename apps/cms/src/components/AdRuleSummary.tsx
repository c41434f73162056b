'use client';

import { useFormFields } from '@payloadcms/ui';

/** The slot's placement rule in one sentence, so editors can check what they set. */
export function AdRuleSummary() {
  const fields = useFormFields(([fields]) => fields);
  const value = (name: string) => fields[`placement.${name}`]?.value;
  return (
    <p className="field-description" data-testid="ad-rule-summary" style={{ marginBottom: 'var(--base)' }}>
      <strong>In words: </strong>
      {describeRule({
        kind: value('kind') as string | undefined,
        paragraph: value('paragraph') as number | undefined,
        every: value('every') as number | undefined,
        max: value('max') as number | undefined,
        minParagraphs: value('minParagraphs') as number | undefined,
        onlyWhereAdded: value('onlyWhereAdded') as boolean | undefined,
      })}
    </p>
  );
}

export function describeRule(rule: {
  kind?: string;
  paragraph?: number | null;
  every?: number | null;
  max?: number | null;
  minParagraphs?: number | null;
  onlyWhereAdded?: boolean | null;
}): string {
  const where =
    rule.kind === 'top'
      ? 'at the top of the article'
      : rule.kind === 'rail'
        ? 'in the side rail'
        : rule.kind === 'every'
          ? `every ${rule.every ?? rule.paragraph ?? 1} paragraphs starting after paragraph ${rule.paragraph ?? rule.every ?? 1}${rule.max ? `, at most ${rule.max} times` : ''}`
          : rule.kind === 'after-paragraph'
            ? `after paragraph ${rule.paragraph ?? '?'}`
            : 'nowhere yet (choose a kind)';
  const parts = [`Shown ${where}`];
  if (rule.minParagraphs) parts.push(`only in articles of ${rule.minParagraphs} paragraphs or more`);
  if (rule.onlyWhereAdded) parts.push('only in articles that add this slot');
  return `${parts.join(', ')}; never after the last paragraph.`;
}
