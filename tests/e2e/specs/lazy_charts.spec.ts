// The chart library is not part of the first load (benchmark 3): the default view has no chart,
// so ECharts is fetched when the first chart is drawn, once, from the app's own origin, and every
// later chart uses it. (The service worker is blocked here: its precache would fetch every file
// after the load, which is what it is for, and is tested in works_offline.spec.ts.)
import { test, expect } from '../fixtures/app';

test.use({ serviceWorkers: 'block' });

test('ECharts is fetched when the first chart is drawn, and only once', async ({ app, page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (/\/echarts-[0-9a-f]{16}\.js$/.test(new URL(r.url()).pathname)) fetched.push(r.url());
  });
  await app.open('en', 'overview');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  expect(await page.evaluate(() => typeof (window as unknown as { echarts?: unknown }).echarts)).toBe('undefined');

  await page.getByRole('link', { name: 'Northeast baseline' }).click();
  await expect(page.locator('main .chart svg')).toHaveCount(2);
  expect(fetched).toHaveLength(1);

  await page.getByRole('link', { name: 'Energy' }).click();
  await expect(page.locator('main .chart svg').first()).toBeVisible();
  await page.getByRole('link', { name: 'Northeast baseline' }).click();
  await expect(page.locator('main .chart svg')).toHaveCount(2);
  expect(fetched).toHaveLength(1);
  expect(app.traffic.foreign).toEqual([]);
  expect(app.traffic.failed).toEqual([]);
  expect(app.traffic.consoleErrors).toEqual([]);
});
