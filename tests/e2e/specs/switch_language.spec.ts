// Switching to Chinese changes every label, and the choice survives a reload.
import { test, expect } from '../fixtures/app';

test('switching to Chinese relabels the page and is remembered', async ({ app, page }) => {
  await app.open('en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工业城市更新计算器');
  await expect(page).toHaveTitle('工业城市更新计算器');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.table(/论文表 1/)).toBeVisible();
  await expect(app.region(/光伏与风电/).locator('.chart svg text', { hasText: '光伏' })).toBeVisible();

  await page.goto('/#/baseline');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工业城市更新计算器');
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  expect(app.traffic.consoleErrors).toEqual([]);
});
