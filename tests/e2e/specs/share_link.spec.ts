// A planner shares the calculation as a link; a colleague opens it in a fresh browser and sees
// the same numbers. The data travel only in the fragment.
import { test, expect } from '../fixtures/app';
import { city, seed, noDialogs, tokenFor } from '../fixtures/share';
import { Page } from '@playwright/test';

// Independent expectations: the paper's Table 1 gives the Northeast PM2.5 for 2022 as 23 µg/m³.
const NE_PM25_2022 = 23;
const SHENYANG = city(0, '沈阳', { pm25: { '2019': 42.5, '2020': 40.1, '2021': 38.0, '2022': 36.4 } });
const ANSHAN = city(1, 'Anshan', { pm25: { '2021': 33.1, '2022': 30.26 } });

async function pmRow(page: Page, cityName: string) {
  const table = page.getByRole('table', { name: new RegExp(`^${cityName}: `) });
  await expect(table).toBeVisible();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())));
  return rows.find((r) => r[0].startsWith('PM2.5'))!;
}

test('a shared link opened in a fresh browser reproduces language, page and numbers', async ({ app, page, context, browser, baseURL }) => {
  const noDialog = noDialogs(page);
  await seed(context, [SHENYANG, ANSHAN]);
  await app.open('zh', 'overview');
  await page.getByRole('button', { name: '分享' }).click();
  const link = await page.getByLabel('可复现本页面及您的城市数据的链接').inputValue();
  const url = new URL(link);
  // Everything is in the fragment, which browsers never send to the server.
  expect(url.hash).toMatch(/^#\/overview\?s=1\.[A-Za-z0-9_-]+$/);
  expect(url.pathname + url.search).not.toContain('1.');

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  const foreign: string[] = [];
  other.on('request', (r) => { if (new URL(r.url()).origin !== new URL(baseURL!).origin) foreign.push(r.url()); });
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  await other.goto(link);
  await expect(other.getByRole('status').filter({ hasText: '已载入分享链接中的数据' })).toContainText('沈阳, Anshan');
  await expect(other.getByRole('heading', { level: 2, name: '总览' })).toBeVisible();
  const sy = await pmRow(other, '沈阳');
  expect(sy[1]).toBe('36.4 (2022)');
  expect(sy[2]).toBe(`${NE_PM25_2022.toFixed(1)} (2022)`);
  expect(sy[3]).toBe(`+${(36.4 - NE_PM25_2022).toFixed(1)}`);
  expect(sy[4]).toBe(`×${(36.4 / NE_PM25_2022).toFixed(2)}`);
  const an = await pmRow(other, 'Anshan');
  expect(an[1]).toBe(`${(30.26).toFixed(1)} (2022)`);
  // Differences below 10 are shown with two decimals.
  expect(an[3]).toBe(`+${(30.26 - NE_PM25_2022).toFixed(2)}`);
  // The token is taken out of the address, and the data are now the colleague's own.
  await expect.poll(() => other.evaluate(() => location.hash)).toBe('#/overview');
  const saved = await other.evaluate(() => JSON.parse(localStorage.getItem('renewal.workspace')!));
  expect(saved.cities.map((c: { name: string }) => c.name)).toEqual(['沈阳', 'Anshan']);
  expect(saved.cities[1].series.pm25['2022']).toBe(30.26);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await fresh.close();
  noDialog();
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('a link never replaces the user\'s own data without asking; "add" keeps both', async ({ app, page, context }) => {
  await seed(context, [city(0, 'Mine', { pm25: { '2022': 50 } })]);
  await page.goto(`/?lang=en#/overview?s=${tokenFor([SHENYANG])}`);
  const ask = page.getByRole('alert').filter({ hasText: 'This shared link holds other data' });
  await expect(ask).toContainText('沈阳');
  await expect(page.getByRole('table', { name: /^Mine: / })).toBeVisible();
  await expect(page.getByRole('table', { name: /^沈阳: / })).toHaveCount(0);
  await ask.getByRole('button', { name: 'Add the link’s cities to mine' }).click();
  expect((await pmRow(page, 'Mine'))[1]).toBe('50.0 (2022)');
  expect((await pmRow(page, '沈阳'))[1]).toBe('36.4 (2022)');
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('too much data for a link points to the project file', async ({ app, page, context }) => {
  // 300 cities with ten years of pseudo-random values: far beyond 8000 characters compressed.
  let x = 7;
  const rnd = () => { x = (x * 48271) % 2147483647; return Math.round(x / 2147.483647) / 1000; };
  const many = Array.from({ length: 300 }, (_, i) => city(i, `City ${i}`, {
    pm25: Object.fromEntries(Array.from({ length: 10 }, (_, y) => [String(2010 + y), rnd()])),
  }));
  await seed(context, many);
  await app.open('en', 'overview');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'too large for a link' }).first()).toContainText('Export project (JSON)');
  await expect(page.getByLabel('Link that reproduces this page with your cities')).toHaveCount(0);
});
