// A planner takes the numbers away: a table as CSV (with where the numbers come from), the
// overview's results as JSON, a chart as SVG and PNG, and a printed report without the controls.
// Hostile city names stay inert in every export.
import { test, expect } from '../fixtures/app';
import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The app version, read from the workspace manifest (not from the app).
const VERSION = /^\[workspace\.package\][^[]*?^version = "([^"]+)"/m.exec(
  readFileSync(join(__dirname, '../../../Cargo.toml'), 'utf8'))![1];

/** Today's local date as ISO 8601, as the export stamps it. */
function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** An RFC 4180 reader, written here independently of the app's writer. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { d, bytes: readFileSync(path!) };
}

function csvOf(bytes: Buffer): { meta: string[]; rows: string[][] } {
  // UTF-8 with a byte order mark, so Excel reads the Chinese correctly.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(bytes.subarray(3).toString('utf8'));
  const meta = records.filter((r) => r.length === 1 && r[0].startsWith('#')).map((r) => r[0]);
  return { meta, rows: records.slice(meta.length) };
}

const HYPERLINK = '=HYPERLINK("http://x")';
const IMG = '<img src=x onerror=alert(1)>';
const SHEET = [
  ['City', 'Year', 'PM2.5'],
  [HYPERLINK, '2019', '42.5'], [HYPERLINK, '2020', '40.1'], [HYPERLINK, '2021', '38.0'], [HYPERLINK, '2022', '36.4'],
  [IMG, '2022', '30'],
].map((r) => r.join('\t')).join('\n');

// Sen's slope of 42.5, 40.1, 38.0, 36.4 over 2019–2022: the median of the six pairwise slopes.
const pm25 = [42.5, 40.1, 38.0, 36.4];
const slopes: number[] = [];
for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) slopes.push((pm25[j] - pm25[i]) / (j - i));
slopes.sort((a, b) => a - b);
const SEN = (slopes[2] + slopes[3]) / 2;

async function addHostileCities(app: { open: (l: 'en' | 'zh', v: string) => Promise<void> }, page: Page) {
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added values' })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => { throw new Error(`unexpected dialog: ${d.message()}`); });
});

test('Table 1 downloads as CSV with its source, date, version and the paper\'s values', async ({ app, page }) => {
  await app.open('en', 'baseline');
  const card = app.region('Air quality, 2014–2022');
  const { d, bytes } = await download(page, () => card.getByRole('button', { name: 'Download CSV' }).click());
  expect(d.suggestedFilename()).toMatch(/^Table-1-of-the-paper.*\.csv$/);
  const { meta, rows } = csvOf(bytes);
  expect(meta[0]).toBe('# Title: Table 1 of the paper: annual air quality in Northeast China, 2014–2022');
  expect(meta).toContain('# Source: Miao, Xiong, Feng, He: "Exploring the Challenges and Strategies of Sustainable Urban Renewal in Industrial Cities in Northeast China", Table 1');
  expect(meta.some((m) => m.startsWith('# Units: ') && m.includes('µg/m³'))).toBe(true);
  expect(meta).toContain(`# Exported: ${today()}`);
  expect(meta).toContain(`# App version: ${VERSION}`);
  expect(meta).toContain('# Language: en');
  expect(rows[0].slice(0, 3)).toEqual(['Year', 'PM2.5 (µg/m³)', 'PM10 (µg/m³)']);
  // The paper's Table 1: 2014 PM2.5 170, PM10 194, CO 2.9383 mg/m³; 2022 PM2.5 23.
  expect(rows[1].slice(0, 5)).toEqual(['2014', '170', '194', '75', '2.9383']);
  expect(rows[9][0]).toBe('2022');
  expect(rows[9][1]).toBe('23');
  expect(rows).toHaveLength(10);
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('the Chinese CSV has Chinese labels and reads back as UTF-8', async ({ app, page }) => {
  await app.open('zh', 'baseline');
  const { bytes } = await download(page, () => page.getByRole('button', { name: '下载 CSV' }).first().click());
  const { meta, rows } = csvOf(bytes);
  expect(meta).toContain('# 语言: zh-CN');
  expect(meta).toContain(`# 导出日期: ${today()}`);
  expect(meta.some((m) => m.startsWith('# 来源: ') && m.includes('表 1'))).toBe(true);
  expect(rows[0][0]).toBe('年份');
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('hostile city names are inert in the CSV and the page, and the values are right', async ({ app, page }) => {
  await addHostileCities(app, page);
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 3, name: IMG })).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);

  const card = app.region(HYPERLINK);
  const { bytes } = await download(page, () => card.getByRole('button', { name: 'Download CSV' }).click());
  const { meta, rows } = csvOf(bytes);
  expect(meta[0]).toBe(`# Title: ${HYPERLINK}: air quality against the Northeast baseline (paper Table 1)`);
  expect(meta.some((m) => m.startsWith('# Standard: GB 3095-2012'))).toBe(true);
  const [header, pm] = rows;
  expect(header.slice(0, 7)).toEqual(['City', 'Indicator', 'Unit', 'City year', 'City value', 'Northeast year', 'Northeast value']);
  // OWASP "CSV Injection": the formula is prefixed with an apostrophe; numbers stay numbers.
  expect(pm[0]).toBe(`'${HYPERLINK}`);
  expect(pm.slice(3, 8)).toEqual(['2022', '36.4', '2022', '23', String(Math.round((36.4 - 23) * 1e4) / 1e4)]);
  expect(pm[8]).toBe((36.4 / 23).toFixed(4));
  expect(pm[9]).toBe('35'); // GB 3095-2012 grade II annual PM2.5
  expect(pm[10]).toBe('watch'); // 35 < 36.4 <= 1.5 × 35
  expect(Number(pm[13])).toBeCloseTo(SEN, 4);
  // No cell of the file would be run as a formula.
  for (const r of rows) for (const c of r) {
    expect(/^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c)).toBe(false);
  }

  const img = await download(page, () => app.region(IMG).getByRole('button', { name: 'Download CSV' }).click());
  const imgRows = csvOf(img.bytes).rows;
  expect(imgRows[1][0]).toBe(IMG); // plain text: a CSV has no markup to run
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('a table without its own rows exports the cells as shown, a select as its choice', async ({ app, page }) => {
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  const mapping = app.table(/Columns and what they were read as/);
  await expect(mapping).toBeVisible();
  const { meta, rows } = csvOf((await download(page, () => page.getByRole('button', { name: 'Download CSV' }).first().click())).bytes);
  expect(meta[0]).toBe('# Title: Columns and what they were read as (change any mapping)');
  expect(meta.some((m) => m.startsWith('# Source: Your data'))).toBe(true);
  expect(rows[0]).toEqual(['Column', 'Header', 'Read as', 'Unit', 'values accepted', 'cells rejected']);
  expect(rows[1].slice(0, 3)).toEqual(['A', 'City', 'City']);
  expect(rows[2].slice(0, 3)).toEqual(['B', 'Year', 'Year / date / time']);
  // Five PM2.5 values, none rejected.
  expect(rows[3][0]).toBe('C');
  expect(rows[3].slice(4)).toEqual(['5', '0']);
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('the overview\'s results download as versioned JSON with the numbers', async ({ app, page }) => {
  await addHostileCities(app, page);
  await page.getByRole('link', { name: 'Overview' }).click();
  const { d, bytes } = await download(page, () => page.getByRole('button', { name: 'Download results (JSON)' }).click());
  expect(d.suggestedFilename()).toBe('overview-results.json');
  const json = JSON.parse(bytes.toString('utf8'));
  expect(json.version).toBe(1);
  expect(json.app_version).toBe(VERSION);
  expect(json.exported).toBe(today());
  expect(json.source).toContain('Table 1');
  expect(json.standard).toContain('GB 3095-2012');
  const city = json.cities.find((c: { name: string }) => c.name === HYPERLINK);
  const row = city.rows.find((r: { indicator: string }) => r.indicator === 'pm25');
  expect(row.unit).toBe('µg/m³');
  expect(row.city).toEqual({ year: 2022, value: 36.4 });
  expect(row.northeast).toEqual({ year: 2022, value: 23 });
  expect(row.difference).toBeCloseTo(13.4, 10);
  expect(row.ratio).toBeCloseTo(36.4 / 23, 10);
  expect(row.limit).toBe(35);
  expect(row.status).toBe('watch');
  expect(row.trend.sen_slope_per_year).toBeCloseTo(SEN, 10);
  expect(json.cities.some((c: { name: string }) => c.name === IMG)).toBe(true);
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('a chart downloads as SVG with its title as text and as a 2× PNG', async ({ app, page }) => {
  await app.open('en', 'baseline');
  const title = 'Annual concentrations, Northeast China';
  const group = page.getByRole('group', { name: `Download the chart: ${title}` });
  const svg = await download(page, () => group.getByRole('button', { name: 'SVG' }).click());
  expect(svg.d.suggestedFilename()).toBe('Annual-concentrations-Northeast-China.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      root: doc.documentElement.localName,
      error: doc.getElementsByTagName('parsererror').length,
      text: doc.documentElement.textContent,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ root: 'svg', error: 0 });
  expect(parsed.text).toContain(title);
  expect(parsed.text).toContain('PM2.5');

  const png = await download(page, () => group.getByRole('button', { name: 'PNG' }).click());
  expect(png.d.suggestedFilename()).toBe('Annual-concentrations-Northeast-China.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height at bytes 16–23, twice the chart's CSS size.
  const box = await page.getByRole('img', { name: title }).evaluate((e) => [e.clientWidth, e.clientHeight]);
  expect(png.bytes.readUInt32BE(16)).toBe(2 * box[0]);
  expect(png.bytes.readUInt32BE(20)).toBe(2 * box[1]);
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('a chart with a hostile city name exports it as text, not markup', async ({ app, page }) => {
  await addHostileCities(app, page);
  await app.open('en', 'air');
  // Export what is on screen: the chart is drawn once ECharts has loaded and its size is known.
  await expect(page.locator('main .chart svg').first()).toBeVisible();
  const group = page.getByRole('group', { name: /^Download the chart: / });
  const svg = await download(page, () => group.getByRole('button', { name: 'SVG' }).click());
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      foreign: doc.querySelectorAll('img, foreignObject, script, [onerror]').length,
      text: doc.documentElement.textContent,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBe(0);
  expect(parsed.foreign).toBe(0);
  expect(parsed.text).toContain('img src=x onerror=alert(1)');
  expect(app.traffic.consoleErrors).toEqual([]);
});

for (const [lang, print] of [['en', 'Print report'], ['zh', '打印报告']] as const) {
  test(`printing (${lang}) leaves off the navigation and the buttons and keeps the content`, async ({ app, page }) => {
    await app.open(lang, 'overview');
    const button = page.getByRole('button', { name: print });
    await expect(button).toBeVisible();
    await expect(page.getByRole('navigation')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(button).toBeHidden();
    for (const b of await page.getByRole('button').all()) await expect(b).toBeHidden();
    await expect(page.locator('.skip-link')).toBeHidden();
    await expect(page.locator('.offline-status')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.getByRole('table').first()).toBeVisible();
    await expect(page.locator('.print-stamp')).toContainText(today());
    // Black on white on paper.
    const colours = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    expect(app.traffic.consoleErrors).toEqual([]);
  });
}
