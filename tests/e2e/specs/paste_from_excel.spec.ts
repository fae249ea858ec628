// A planner pastes a sheet copied from Excel (tab-separated, Chinese headers, decimal comma),
// accepts it, reads the comparison in the overview, reloads, and pastes garbage.
import { test, expect } from '../fixtures/app';

const SHEET = [
  ['城市', '年份', 'PM2.5（μg/m³）', '可吸入颗粒物', '二氧化硫'],
  ['沈阳', '2019', '42,5', '80', '20'],
  ['沈阳', '2020', '40,1', '75', '18'],
  ['沈阳', '2021', '38,0', '70', '15'],
  ['沈阳', '2022', '36,4', '65', '12'],
].map((r) => r.join('\t')).join('\n');

// Independent expectations: the paper's Table 1 for 2022 and the GB 3095-2012 grade II limits.
const pm25 = [42.5, 40.1, 38.0, 36.4];
const years = [2019, 2020, 2021, 2022];
const slopes: number[] = [];
for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) slopes.push((pm25[j] - pm25[i]) / (years[j] - years[i]));
slopes.sort((a, b) => a - b);
const sen = (slopes[2] + slopes[3]) / 2;

test('a pasted sheet is compared with the Northeast in the overview and survives a reload', async ({ app, page }) => {
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  // The preview says how each column was read before anything is stored.
  const mapping = app.table(/Columns and what they were read as/);
  await expect(mapping.getByRole('combobox', { name: 'Read as PM2.5（μg/m³）' })).toHaveValue('pm25');
  await expect(mapping.getByRole('combobox', { name: 'Read as 可吸入颗粒物' })).toHaveValue('pm10');
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added values' })).toHaveText('Added values: 12 (沈阳)');

  await page.getByRole('link', { name: 'Overview' }).click();
  const table = app.table(/沈阳: air quality against the Northeast baseline/);
  await expect(table).toBeVisible();
  const rows = await app.rows(/沈阳: air quality against the Northeast baseline/);
  const pmRow = rows.find((r) => r[0].startsWith('PM2.5'))!;
  expect(pmRow[1]).toBe('36.4 (2022)');
  expect(pmRow[2]).toBe('23.0 (2022)');
  expect(pmRow[3]).toBe(`+${(36.4 - 23).toFixed(1)}`);
  expect(pmRow[4]).toBe(`×${(36.4 / 23).toFixed(2)}`);
  expect(pmRow[5]).toBe('35.0');
  expect(pmRow[6]).toBe('watch'); // 35 < 36.4 <= 52.5
  expect(pmRow[7]).toBe(`→ no significant trend (p = 0.089; ${sen.toFixed(2)}/year)`);
  const so2Row = rows.find((r) => r[0].startsWith('SO2'))!;
  expect(so2Row[1]).toBe('12.0 (2022)');
  expect(so2Row[2]).toBe('11.0 (2022)');
  expect(so2Row[6]).toBe('good'); // limit 60

  await page.reload();
  await expect(app.table(/沈阳: air quality against the Northeast baseline/)).toBeVisible();
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('garbage is rejected cell by cell and the data already entered stay', async ({ app, page }) => {
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  await page.getByRole('button', { name: 'Add to my data' }).click();

  await page.getByLabel('Paste your table here').fill('年份\tPM2.5\n2023\tabc\n2024\t#DIV/0!\n');
  const rejected = app.table(/Rejected cells/);
  await expect(rejected).toBeVisible();
  const cells = await app.rows(/Rejected cells/);
  expect(cells.map((r) => [r[0], r[2]])).toEqual([['B2', 'abc'], ['B3', '#DIV/0!']]);
  await expect(page.getByRole('button', { name: 'Add to my data' })).toBeDisabled();

  await page.getByRole('link', { name: 'Overview' }).click();
  const rows = await app.rows(/沈阳: air quality against the Northeast baseline/);
  expect(rows.find((r) => r[0].startsWith('PM2.5'))![1]).toBe('36.4 (2022)');
});

test('the rejection reasons and the overview are in Chinese after switching', async ({ app, page }) => {
  await app.open('zh', 'data');
  await page.getByLabel('在此粘贴表格').fill('年份\tPM2.5\n2023\tabc\n');
  await expect(app.table(/被拒绝的单元格/)).toBeVisible();
  await page.getByRole('link', { name: '总览' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '总览' })).toBeVisible();
  await expect(page.getByText('示例市（虚构）').first()).toBeVisible();
});
