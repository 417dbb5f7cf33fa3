// Accessibility checks for the e2e specs: axe-core (WCAG 2.0 A/AA and 2.1 AA rules) on what the page shows now,
// frames included; a serious or critical violation fails the test with a readable list, and every result
// (minor ones too) is written to test-artifacts/axe/<name>.json for reading later.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);
const artifacts = resolve('test-artifacts/axe');

/** One violation as a few lines: rule, impact, what it asks, and each offending element with axe's summary. */
export function describeViolation(v: Result): string {
  const nodes = v.nodes.map((n) => {
    const summary = (n.failureSummary ?? '').split('\n').map((l) => l.trim()).filter((l) => l && !/^Fix (any|all) of the following:$/.test(l));
    return `    at ${n.target.join(' → ')}\n      ${n.html.slice(0, 160)}\n      ${summary.join('\n      ')}`;
  });
  return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
}

export interface AxeCheck {
  /** Only this part of the page (a CSS selector), e.g. the widget's iframe on a host page. */
  include?: string;
  /** Parts of the page that are not ours (a test's host page around the widget). */
  exclude?: string[];
}

/** Runs axe on the page as it is now and returns the results (also saved as test-artifacts/axe/<name>.json). */
export async function runAxe(page: Page, name: string, check: AxeCheck = {}): Promise<AxeResults> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (check.include) builder = builder.include(check.include);
  for (const e of check.exclude ?? []) builder = builder.exclude(e);
  const results = await builder.analyze();
  await mkdir(artifacts, { recursive: true });
  await writeFile(resolve(artifacts, `${name}.json`), JSON.stringify({ url: results.url, violations: results.violations, incomplete: results.incomplete.map((i) => i.id) }, null, 2));
  return results;
}

/** Fails on serious or critical violations, listing them (softly: the test goes on to check its other screens); milder ones are only printed. */
export async function expectAccessible(page: Page, name: string, check: AxeCheck = {}): Promise<void> {
  const results = await runAxe(page, name, check);
  const failing = results.violations.filter((v) => FAILING.has(v.impact ?? ''));
  const mild = results.violations.filter((v) => !FAILING.has(v.impact ?? ''));
  if (mild.length > 0) console.log(`axe ${name}: ${mild.length} minor/moderate finding(s):\n${mild.map(describeViolation).join('\n')}`);
  expect.soft(failing, `axe ${name}: serious or critical violations:\n${failing.map(describeViolation).join('\n')}`).toEqual([]);
}
