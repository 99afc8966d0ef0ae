// Accessibility check with axe-core, shared by the specs that load a page: every violation axe rates
// "serious" or "critical" fails the test, listed with its rule id, impact, what to do and where, so the fix
// is obvious from the failure alone. Milder findings ("minor", "moderate") are not held against the page.
import { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect } from './fixtures';

const BLOCKING = ['serious', 'critical'];
const TARGETS_SHOWN = 3;

/// Runs axe on the page as it is now and fails on any serious or critical violation. `context` names the
/// state checked (e.g. "dark theme, response shown") in the failure message.
export async function expectNoSeriousViolations(page: Page, context = 'page') {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => BLOCKING.includes(v.impact ?? ''));
  const report = blocking.map((v) => {
    // Not "at ...": Playwright would take those lines for a stack trace and move them.
    const targets = v.nodes.slice(0, TARGETS_SHOWN).map((n) => `  - ${n.target.join(' ')}`);
    const more = v.nodes.length > TARGETS_SHOWN ? [`  - ... and ${v.nodes.length - TARGETS_SHOWN} more`] : [];
    return [`${v.id} (${v.impact}): ${v.help} (${v.helpUrl})`, ...targets, ...more].join('\n');
  });
  expect(report, `serious or critical axe violations (${context}):\n${report.join('\n')}`).toEqual([]);
}
