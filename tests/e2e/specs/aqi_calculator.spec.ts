// A planner rates one reading with the AQI calculator, switches the standard and the language,
// types something that is not a number, and reads the example city's annual compliance.
// Every expected number is computed here from the standards' breakpoints, not read from the app.
import { test, expect } from '../fixtures/app';

type Table = { c: number[]; i: number[]; round: 'ceil' | 'half-up'; truncate?: number };

// HJ 633-2012 Table 1 (24-h means, µg/m³); the index is rounded up (§4.3).
const HJ2012_PM25: Table = { c: [0, 35, 75, 115, 150, 250, 350, 500], i: [0, 50, 100, 150, 200, 300, 400, 500], round: 'ceil' };
const HJ2012_PM10: Table = { c: [0, 50, 150, 250, 350, 420, 500, 600], i: [0, 50, 100, 150, 200, 300, 400, 500], round: 'ceil' };
// EPA-454/B-24-002 Table 6 (PM2.5 truncated to 0.1, PM10 to 1 µg/m³); index rounded to nearest.
const EPA2024_PM25: Table = { c: [0, 9.0, 9.1, 35.4, 35.5, 55.4, 55.5, 125.4, 125.5, 225.4, 225.5, 325.4], i: [0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500], round: 'half-up', truncate: 1 };
const EPA2024_PM10: Table = { c: [0, 54, 55, 154, 155, 254, 255, 354, 355, 424, 425, 604], i: [0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500], round: 'half-up', truncate: 0 };

function iaqi(t: Table, conc: number): number {
  const f = 10 ** (t.truncate ?? 6);
  const c = Math.floor(conc * f + 1e-9) / f;
  const step = t.round === 'ceil' ? 1 : 2; // China: continuous bands; US: closed pairs
  for (let k = 0; k + 1 < t.c.length; k += step) {
    const [clo, chi, ilo, ihi] = [t.c[k], t.c[k + 1], t.i[k], t.i[k + 1]];
    if (c >= clo && c <= chi) {
      const v = ((ihi - ilo) / (chi - clo)) * (c - clo) + ilo;
      return t.round === 'ceil' ? Math.ceil(v - 1e-9) : Math.floor(v + 0.5);
    }
  }
  throw new Error(`off table: ${conc}`);
}

const PM25 = 120;
const PM10 = 200;

test('a reading is rated under HJ 633-2012, then US EPA 2024, in English and Chinese', async ({ app, page }) => {
  await app.open('en', 'air');
  await expect(page.getByRole('heading', { level: 2, name: 'Air quality' })).toBeVisible();
  await page.getByLabel('PM2.5, 24-hour mean').fill(String(PM25));
  await page.getByLabel('PM10, 24-hour mean').fill(String(PM10));

  // HJ 633-2012: PM2.5 120 -> 150 + 50 × 5/35 = 157.1 -> 158; PM10 200 -> 125. Moderately
  // polluted (151–200, red #FF0000, HJ 633-2012 Table 3); primary PM2.5.
  const cn25 = iaqi(HJ2012_PM25, PM25);
  const cn10 = iaqi(HJ2012_PM10, PM10);
  expect([cn25, cn10]).toEqual([158, 125]);
  let rows = await app.rows(/^Result/);
  expect(rows[0]).toEqual(['AQI', String(Math.max(cn25, cn10))]);
  expect(rows[1][1]).toContain('Moderately polluted');
  expect(rows[1][1]).toContain('#FF0000');
  expect(rows[2][1]).toBe('PM2.5, 24-hour mean');
  const subs = await app.rows('Every sub-index');
  expect(subs.find((r) => r[0] === 'PM10, 24-hour mean')![3]).toBe(String(cn10));
  await expect(page.getByText('Sensitive groups')).toBeVisible();

  // US EPA 2024: the PM values follow (same unit); the US bands give other indices.
  await page.getByLabel('Standard', { exact: true }).selectOption({ label: 'US EPA AQI 2024' });
  const us25 = iaqi(EPA2024_PM25, PM25);
  const us10 = iaqi(EPA2024_PM10, PM10);
  expect([us25, us10]).toEqual([196, 123]);
  await expect(app.table(/^Result \(US EPA AQI 2024\)/)).toBeVisible();
  rows = await app.rows(/^Result/);
  expect(rows[0][1]).toBe(String(Math.max(us25, us10)));
  expect(rows[1][1]).toContain('Unhealthy');
  expect(rows[1][1]).not.toContain('Sensitive');
  expect(rows[2][1]).toBe('PM2.5, 24-hour mean');

  // Chinese: same numbers, translated labels and the standard's Chinese category name.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '空气质量' })).toBeVisible();
  rows = await app.rows(/^计算结果/);
  expect(rows[0]).toEqual(['AQI', String(Math.max(us25, us10))]);
  expect(rows[1][1]).toContain('不健康');
  expect(rows[2]).toEqual(['首要污染物', 'PM2.5 24 小时平均']);
  await page.getByLabel('标准', { exact: true }).selectOption({ label: 'HJ 633-2012（中国，至 2026 年 2 月）' });
  rows = await app.rows(/^计算结果/);
  expect(rows[0][1]).toBe(String(Math.max(cn25, cn10)));
  expect(rows[1][1]).toContain('中度污染');
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('text that is not a number is located at its field and nothing is computed', async ({ app, page }) => {
  await app.open('en', 'air');
  const pm10 = page.getByLabel('PM10, 24-hour mean');
  await pm10.fill('abc');
  await expect(pm10).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('“abc” is not a number')).toBeVisible();
  await expect(app.table(/^Result/)).toHaveCount(0);
  await expect(page.getByText('Correct the marked fields')).toBeVisible();
  await pm10.fill('-5');
  await expect(page.getByText('-5 is negative')).toBeVisible();
  await pm10.fill('');
  // PM2.5 alone (the starting 170): 200 + 100 × 20/100 = 220, heavily polluted.
  await expect(app.table(/^Result/)).toBeVisible();
  const rows = await app.rows(/^Result/);
  expect(rows[0][1]).toBe(String(iaqi(HJ2012_PM25, 170)));
  expect(rows[1][1]).toContain('Heavily polluted');
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('the inverse and the unit conversion answer from the standard and 25 °C, 1 atm', async ({ app, page }) => {
  await app.open('en', 'air');
  await page.getByLabel('AQI value').fill('220');
  const inv = await app.rows(/^Concentrations that give the index/);
  // 219 < IAQI <= 220 with rounding up: 169 < c <= 170 on the 150–250 band.
  expect(inv.find((r) => r[0] === 'PM2.5, 24-hour mean')![1]).toBe('169 < c ≤ 170 µg/m³');
  await page.getByLabel(/^Value/).fill('100');
  // SO2 is the default gas: 100 µg/m³ × 24.45 / 64.066 = 38.164 ppb.
  await expect(page.getByText(`= ${(100 * 24.45 / 64.066).toFixed(3)} ppb`)).toBeVisible();
  expect(app.traffic.consoleErrors).toEqual([]);
});

test("the compliance table shows the example city's latest annual values", async ({ app }) => {
  await app.open('en', 'air');
  const name = /Examplecity \(fictional\): annual compliance/;
  await expect(app.table(name)).toBeVisible();
  const rows = await app.rows(name);
  const pm = rows.filter((r) => r[0] === 'PM2.5');
  // Example city 2022 PM2.5 = 33 µg/m³. GB 3095-2012 II: 35 (meets); 2026 transition: 30
  // (exceeds, ×1.10); final: 25; WHO AQG 5, interim targets 35/25/15/10: IT-1 only.
  expect(pm.map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual([
    ['33 (2022)', 'GB 3095-2012 grade II', '35', `×${(33 / 35).toFixed(2)}`, 'meets'],
    ['33 (2022)', 'GB 3095-2026 grade II, transition', '30', `×${(33 / 30).toFixed(2)}`, 'exceeds'],
    ['33 (2022)', 'GB 3095-2026 grade II, final', '25', `×${(33 / 25).toFixed(2)}`, 'exceeds'],
    ['33 (2022)', 'WHO 2021 guideline', '5', `×${(33 / 5).toFixed(2)}`, 'exceeds'],
  ]);
  expect(pm[3][6]).toBe('interim target 1');
  expect(pm[0][6]).toBe(''); // the WHO column speaks only on the WHO row
  const ne = await app.rows(/Northeast China \(paper's Table 1\): annual compliance/);
  expect(ne.find((r) => r[0] === 'PM2.5')![1]).toBe('23 (2022)');
  // The paper audit flags 2014: printed 183, recomputed 220 (+37).
  const audit = await app.rows(/Table 1: printed and recomputed AQI/);
  expect(audit[0].slice(0, 4)).toEqual(['2014', '183', 'Heavy pollution', String(iaqi(HJ2012_PM25, 170))]);
  expect(audit[0][6]).toBe('mismatch (+37)');
  expect(app.traffic.consoleErrors).toEqual([]);
});
