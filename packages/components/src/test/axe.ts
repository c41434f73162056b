import axe from 'axe-core';

/** Runs axe-core (every rule that applies, WCAG 2.x A/AA and best practices) on `element`, shadow roots included. */
export async function axeViolations(element: Element): Promise<axe.Result[]> {
  const { violations } = await axe.run(element, { resultTypes: ['violations'] });
  return violations;
}

/** A readable summary of violations, for assertion messages. */
export function describeViolations(violations: axe.Result[]): string {
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`).join('\n');
}
