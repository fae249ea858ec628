// The first page a visitor sees: the Northeast baseline from the paper, as tables and charts.
import { test, expect } from '../fixtures/app';

// The paper's Table 1 as printed (reference B1): year, PM2.5, PM10, SO2, CO, NO2, O3, AQI, grade.
const TABLE_1 = [
  ['2014', '170', '194', '75', '2.9383', '121', '205', '183', 'Heavy pollution'],
  ['2015', '159', '178', '54', '2.5830', '97', '195', '176', 'Heavy pollution'],
  ['2016', '139', '187', '53', '2.0378', '98', '187', '167', 'Heavy pollution'],
  ['2017', '105', '155', '32', '1.7863', '73', '178', '149', 'Mild pollution'],
  ['2018', '76', '132', '22', '1.4232', '75', '142', '143', 'Mild pollution'],
  ['2019', '73', '120', '20', '0.9273', '45', '157', '135', 'Mild pollution'],
  ['2020', '54', '121', '23', '0.8231', '54', '135', '127', 'Mild pollution'],
  ['2021', '34', '78', '9', '0.9234', '29', '97', '99', 'Good'],
  ['2022', '23', '40', '11', '0.7456', '14', '93', '93', 'Good'],
];

test('the page says what it is', async ({ app, page }) => {
  await app.open();
  await expect(page).toHaveTitle('Industrial City Renewal Calculator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Industrial City Renewal Calculator');
  await expect(page.getByRole('heading', { level: 2, name: 'Northeast China baseline' })).toBeVisible();
});

test('Table 1 shows the nine years with the paper\'s values and units', async ({ app }) => {
  await app.open();
  const table = app.table(/Table 1 of the paper/);
  await expect(table).toBeVisible();
  expect(await app.rows(/Table 1 of the paper/)).toEqual(TABLE_1);
  await expect(table.getByRole('columnheader', { name: /PM2\.5 \(µg\/m³\)/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /CO \(mg\/m³\)/ })).toBeVisible();
  await expect(app.region('Air quality, 2014–2022').getByText(/Source: Miao, Xiong, Feng, He/)).toBeVisible();
});

test('Figure 2 table shows 2016, 2020 and the growth multiples', async ({ app }) => {
  await app.open();
  expect(await app.rows(/Figure 2 of the paper/)).toEqual([
    ['Solar', '20', '187', '×9.35'],
    ['Wind', '437', '727', '×1.66'],
  ]);
  await expect(app.region(/Solar and wind generation/).getByText(/likely a mistranslation of 10\^8 kWh/)).toBeVisible();
});

for (const [region, seriesCount] of [['Air quality, 2014–2022', 6], [/Solar and wind generation/, 2]] as const) {
  test(`the chart in "${region}" draws ${seriesCount} series`, async ({ app }) => {
    await app.open();
    const svg = app.region(region).locator('.chart svg');
    await expect(svg).toBeVisible();
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(200);
    // Drawn marks, not an empty canvas: lines or bars are SVG paths, and the legend names each series.
    expect(await svg.locator('path').count()).toBeGreaterThan(10);
    const legend = await svg.locator('text').allTextContents();
    const expected = seriesCount === 6 ? ['PM2.5', 'PM10', 'SO2', 'CO', 'NO2', 'O3'] : ['2016', '2020'];
    for (const name of expected) expect(legend).toContain(name);
  });
}

test('loading makes no request to another origin, none fails, and the console stays clean', async ({ app, page }) => {
  await app.open();
  await expect(app.region('Air quality, 2014–2022').locator('.chart svg')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(app.traffic.foreign).toEqual([]);
  expect(app.traffic.failed).toEqual([]);
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('the page runs under a strict Content-Security-Policy', async ({ app, page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await app.open();
  await expect(app.region('Air quality, 2014–2022').locator('.chart svg')).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
  expect(scriptSrc).toMatch(/^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(violations).toEqual([]);
  expect(app.traffic.consoleErrors).toEqual([]);
});
