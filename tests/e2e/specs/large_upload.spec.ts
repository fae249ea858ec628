// A researcher uploads a long hourly record (1,000,000 rows: timestamp + six pollutants). The
// file is read and evaluated in a Web Worker: the page shows progress, stays responsive, and the
// Air quality view then shows HJ 663 annual statistics and the daily AQI. Numbers are computed
// here, independently, from the same generated rows. The longest main-thread task during the
// upload, until the worker has closed, is measured with a 'longtask' PerformanceObserver and
// printed (measured, not asserted).
import { test, expect } from '../fixtures/app';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROWS = 1_000_000;
const START = Date.UTC(1980, 0, 1); // 1,000,000 hours later is 2094-01-29 15:00

type Hour = { t: number; pm25: number; pm10: number; so2: number; no2: number; co10: number; o3: number };

/** Deterministic rows (a 32-bit LCG); CO in tenths of mg/m³ so every mean is an exact fraction. */
function* hours(n: number): Generator<Hour> {
  let x = 20261128;
  const r = () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x >>> 8; };
  for (let i = 0; i < n; i++) {
    const pm25 = 10 + (r() % 140);
    yield { t: START + i * 3_600_000, pm25, pm10: pm25 + 10 + (r() % 80), so2: 2 + (r() % 40),
            no2: 5 + (r() % 70), co10: 3 + (r() % 20), o3: 10 + (r() % 140) };
  }
}

const stamp = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

/** HJ 633-2012 Table 1 breakpoints (concentration, IAQI). */
const BP: Record<string, [number, number][]> = {
  so2_24h: [[0, 0], [50, 50], [150, 100], [475, 150], [800, 200], [1600, 300], [2100, 400], [2620, 500]],
  no2_24h: [[0, 0], [40, 50], [80, 100], [180, 150], [280, 200], [565, 300], [750, 400], [940, 500]],
  pm10_24h: [[0, 0], [50, 50], [150, 100], [250, 150], [350, 200], [420, 300], [500, 400], [600, 500]],
  co_24h: [[0, 0], [2, 50], [4, 100], [14, 150], [24, 200], [36, 300], [48, 400], [60, 500]],
  o3_1h: [[0, 0], [160, 50], [200, 100], [300, 150], [400, 200], [800, 300], [1000, 400], [1200, 500]],
  o3_8h: [[0, 0], [100, 50], [160, 100], [215, 150], [265, 200], [800, 300]],
  pm25_24h: [[0, 0], [35, 50], [75, 100], [115, 150], [150, 200], [250, 300], [350, 400], [500, 500]],
};

/** IAQI of the exact concentration num/den, carried up to an integer (HJ 633-2012 §6.2). */
function iaqi(key: string, num: number, den: number): number {
  const bp = BP[key];
  for (let k = 1; k < bp.length; k++) {
    const [ch, ih] = bp[k];
    const [cl, il] = bp[k - 1];
    if (num <= ch * den) {
      // il + (ih - il)(num/den - cl)/(ch - cl), exactly, then ceil.
      const n = (ih - il) * (num - cl * den);
      const d = den * (ch - cl);
      return il + Math.ceil(n / d - 1e-12);
    }
  }
  throw new Error(`${key} beyond the table`);
}

/** Daily AQI of one complete day (24 hours) from its rows. */
function dayAqi(day: Hour[]): number {
  const sum = (f: (h: Hour) => number) => day.reduce((s, h) => s + f(h), 0);
  const o3 = day.map((h) => h.o3);
  let mda8 = 0; // windows starting 00:00 … 16:00 of the day (HJ 663), as a sum of 8
  for (let s = 0; s <= 16; s++) mda8 = Math.max(mda8, o3.slice(s, s + 8).reduce((a, b) => a + b, 0));
  return Math.max(
    iaqi('pm25_24h', sum((h) => h.pm25), 24), iaqi('pm10_24h', sum((h) => h.pm10), 24),
    iaqi('so2_24h', sum((h) => h.so2), 24), iaqi('no2_24h', sum((h) => h.no2), 24),
    iaqi('co_24h', sum((h) => h.co10), 240), iaqi('o3_1h', Math.max(...o3), 1), iaqi('o3_8h', mda8, 8),
  );
}

const YEAR = 2093; // a complete year inside the 30 years of daily AQI the browser keeps
const DAY = '2093-07-15';

test('a million hourly rows are read off the main thread and become daily AQI and HJ 663 statistics', async ({ app, page }) => {
  test.setTimeout(20 * 60_000);
  // Write the file and compute the expectations in one pass.
  const file = path.join(os.tmpdir(), `renewal-1m-${process.pid}.csv`);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'time,pm25,pm10,so2,no2,co,o3\n');
  let buf: string[] = [];
  let pmSum = 0, pmHours = 0;
  const day: Hour[] = [];
  for (const h of hours(ROWS)) {
    buf.push(`${stamp(h.t)},${h.pm25},${h.pm10},${h.so2},${h.no2},${(h.co10 / 10).toFixed(1)},${h.o3}`);
    if (buf.length === 10_000) { fs.writeSync(out, buf.join('\n') + '\n'); buf = []; }
    const s = stamp(h.t);
    if (s.startsWith(`${YEAR}-`)) { pmSum += h.pm25; pmHours += 1; }
    if (s.startsWith(DAY)) day.push(h);
  }
  fs.writeSync(out, buf.join('\n') + '\n');
  fs.closeSync(out);
  // Every day of the year is complete, so the annual mean of the daily means is the hourly mean.
  const pm25Mean = pmSum / pmHours;
  const aqi = dayAqi(day);
  expect(day.length).toBe(24);
  expect(pmHours).toBe(365 * 24);

  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await app.open('en', 'data');
  // The worker is stopped a little after its result is shown: the long tasks are counted until
  // it has closed, so its teardown is inside the window too.
  const closed = new Promise<void>((resolve) => page.on('worker', (w) => w.on('close', () => resolve())));
  const t0 = await page.evaluate(() => performance.now());
  const wall0 = Date.now();
  await page.getByLabel('Choose a CSV, TSV or Excel (XLSX) file').setInputFiles(file);
  await expect(page.getByRole('progressbar', { name: 'Reading the file' })).toBeVisible();
  const tProgress = await page.evaluate(() => performance.now());
  // The page answers while the worker works: typing is echoed. (Not the paste box: it parses
  // on every keystroke, on the main thread, which is the paste flow's cost, not the upload's.)
  await page.getByLabel('City name for rows that name none').fill('responsive?');
  await expect(page.getByLabel('City name for rows that name none')).toHaveValue('responsive?');
  await expect(page.getByRole('heading', { name: 'How the uploaded file was read' })).toBeVisible({ timeout: 15 * 60_000 });
  const seconds = (Date.now() - wall0) / 1000;
  const tDone = await page.evaluate(() => performance.now());
  await closed;
  await page.waitForTimeout(500);
  const t1 = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(([a, b]) =>
    (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
      .filter((t) => t.start >= a && t.start <= b), [t0, t1]);
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  console.log(JSON.stringify({ rows: ROWS, uploadSeconds: seconds, longTasksOver50ms: tasks.length, longestTaskMs: longest,
    progressShownAtMs: Math.round(tProgress - t0), doneAtMs: Math.round(tDone - t0), windowEndMs: Math.round(t1 - t0),
    tasks: tasks.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]) }));

  await expect(page.locator('.upload-summary')).toContainText('1,000,000 rows');
  await expect(page.locator('.upload-summary')).toContainText('6,000,000 values accepted');
  await page.getByRole('button', { name: 'Add the uploaded file to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added from the file' })).toHaveText('Added from the file: My city');

  await page.getByRole('link', { name: 'Air quality' }).click();
  await page.getByLabel('Year').selectOption(String(YEAR));
  const statsName = new RegExp(`HJ 663 annual statistics against GB 3095-2012 grade II — My city, ${YEAR}`);
  const rows = await app.rows(statsName);
  const pm = rows.find((r) => r[0] === 'PM2.5' && r[1] === 'annual mean')!;
  expect(Math.abs(parseFloat(pm[2]) - pm25Mean)).toBeLessThanOrEqual(0.05 + 1e-9); // shown to 1 decimal
  expect(pm[3]).toBe('365');
  expect(pm[4]).toBe('35.0');
  expect(pm[6]).toBe(pm25Mean <= 35 ? 'meets the limit' : 'exceeds the limit');
  const cal = await app.rows(new RegExp(`Daily AQI \\(HJ 633-2012\\), by month and day — My city, ${YEAR}`));
  expect(cal[6][15]).toBe(String(aqi)); // row July, column 15 (column 0 is the month)
  expect(app.traffic.consoleErrors).toEqual([]);
  fs.unlinkSync(file);
});

test('cancelling an upload stops the worker and changes nothing', async ({ app, page }) => {
  test.setTimeout(5 * 60_000);
  const file = path.join(os.tmpdir(), `renewal-cancel-${process.pid}.csv`);
  const lines = ['time,pm25,pm10,so2,no2,co,o3'];
  for (const h of hours(300_000)) lines.push(`${stamp(h.t)},${h.pm25},${h.pm10},${h.so2},${h.no2},${(h.co10 / 10).toFixed(1)},${h.o3}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  await app.open('en', 'data');
  const closed = new Promise<void>((resolve) => page.on('worker', (w) => w.on('close', () => resolve())));
  await page.getByLabel('Choose a CSV, TSV or Excel (XLSX) file').setInputFiles(file);
  await expect(page.getByRole('progressbar', { name: 'Reading the file' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Upload cancelled' })).toHaveText('Upload cancelled. Nothing was changed.');
  await closed; // the worker was terminated
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'How the uploaded file was read' })).toHaveCount(0);
  await expect(page.locator('.city-list__item')).toHaveCount(1); // only the example city
  expect(app.traffic.consoleErrors).toEqual([]);
  fs.unlinkSync(file);
});
