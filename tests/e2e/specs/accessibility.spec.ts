// axe-core on every view, in both languages: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures/app';

const VIEWS = ['overview', 'data', 'air', 'resources', 'energy', 'industry', 'population', 'composite', 'advisor', 'baseline'];

for (const lang of ['en', 'zh'] as const) {
  for (const view of VIEWS) {
    test(`${view} (${lang}) has no serious or critical accessibility violation`, async ({ app, page }) => {
      await app.open(lang, view);
      await expect(page.locator('main h2').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
    });
  }
}
