// The accessibility check the UI specs run on a page: axe-core over WCAG 2.0 and 2.1 A and AA and
// axe's best practices, failing on what would stop or mislead someone using a screen reader, the
// keyboard alone or speech input, and printing each violation where it was found.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { Result } from "axe-core";

// best-practice brings the landmark rules, the duplicate main among them.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const FAILING_IMPACTS = new Set(["serious", "critical"]);

// Rules that fail at any impact: the ones issue 15 found, and the main-landmark family. axe rates
// the latter "moderate", yet one main per page, at the top level, is what a screen reader's jump to
// the main content relies on; landmark-unique is how a second, unnamed main shows up as well.
// `region` (all text inside some landmark) keeps axe's rating: every page passes it today, but
// stray text outside a landmark costs a screen reader user a detour, not access.
const ALWAYS_FAILING_RULES = new Set([
  "nested-interactive",
  "label-content-name-mismatch",
  "landmark-one-main",
  "landmark-no-duplicate-main",
  "landmark-main-is-top-level",
  "landmark-unique",
]);

/**
 * Runs axe on the page as it is now and fails on every serious or critical violation and on any of
 * ALWAYS_FAILING_RULES. `exclude` names markup that is not ours, each with its reason at the caller.
 */
export async function expectNoAxeViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}): Promise<void> {
  const builder = new AxeBuilder({ page }).options({
    runOnly: { type: "tag", values: TAGS },
    // Still "experimental" in axe 4.13, so off unless named; it checks WCAG 2.5.3 (label in name).
    rules: { "label-content-name-mismatch": { enabled: true } },
  });
  for (const selector of exclude) builder.exclude(selector);
  const { violations } = await builder.analyze();
  const failing = violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? "") || ALWAYS_FAILING_RULES.has(violation.id));
  expect(
    failing.map((violation) => violation.id),
    describeViolations(page.url(), failing),
  ).toEqual([]);
}

function describeViolations(url: string, violations: Result[]): string {
  const lines = [`${violations.length} accessibility rule(s) violated on ${new URL(url).pathname}:`];
  for (const violation of violations) {
    lines.push(`- ${violation.id} (${violation.impact ?? "no impact"}): ${violation.help}`, `  ${violation.helpUrl}`);
    for (const node of violation.nodes) {
      lines.push(`  at ${node.target.join(" >> ")}`, `     ${node.html.slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split("\n").map((line) => `     ${line.trim()}`));
    }
  }
  return lines.join("\n");
}
