// After one visit the calculator works with no network: every asset is precached by the
// service worker, and "ready to work offline" appears only once that is true.
import { test, expect } from '../fixtures/app';

test('after the first load the page works offline, deep links included', async ({ app, page, context }) => {
  await app.open('en', 'baseline');
  await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 15_000 });
  // The service worker's list is the build's own: every request the page made is in its cache.
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('renewal-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/index.html');
  expect(cached.some((p) => p.endsWith('_bg.wasm'))).toBe(true);
  expect(cached.some((p) => p.startsWith('/echarts-'))).toBe(true);

  await context.setOffline(true);
  await page.goto('/?lang=zh#/data');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工业城市更新计算器');
  await expect(page.getByRole('heading', { level: 2, name: '我的数据' })).toBeVisible();
  await page.goto('/#/baseline');
  await expect(app.table(/论文表 1/)).toBeVisible();
  await expect(page.locator('.chart svg').first()).toBeVisible();
  await context.setOffline(false);
});

test('the page is installable: a manifest with an icon from its own origin', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest.name).toBe('Industrial City Renewal Calculator');
  expect(manifest.start_url).toBe('./');
  const icon = await page.request.get(new URL(manifest.icons[0].src, page.url()).href);
  expect(icon.ok()).toBe(true);
});
