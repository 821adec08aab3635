// axe-core on a page of a browser test: the page's serious and critical violations, each named
// by its rule and the elements it found, so a failing assertion says what to fix.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding { rule: string; impact: string; help: string; targets: string[]; why: string }

interface AxeResults { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }

/**
 * The serious and critical accessibility violations of the page as it is now (WCAG 2.1 A and AA
 * rules and axe's best practices). `exclude`: selectors of parts the page does not own.
 */
export async function seriousViolations(page: Page, exclude: string[] = []): Promise<AxeFinding[]> {
  // evaluated through the DevTools protocol: the page's CSP (no inline script) stays as it is
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (excluded) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    return axe.run({ exclude: excluded.map((selector) => [selector]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  }, exclude) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ rule: violation.id, impact: violation.impact!, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')), why: violation.nodes[0]?.failureSummary ?? '' }));
}
