// A planner uploads an Excel workbook of hourly readings (written by openpyxl; see
// crates/web/tests/fixtures/upload/README.md), in Chinese: the workbook is read in the background
// worker, its sheet named, and the Air quality view shows the daily AQI computed here by hand.
import { test, expect } from '../fixtures/app';
import * as path from 'node:path';

const FIXTURE = path.join(__dirname, '../../../crates/web/tests/fixtures/upload/hourly_3days.xlsx');

// HJ 633-2012: IAQI = IL + (IH − IL)(C − BPL)/(BPH − BPL), carried up. Each day's values are
// constant (fixture README), so the daily means, MDA8 and daily max equal them.
// Day 1: PM2.5 80 → 100 + 50 × 5/40 = 106.25 → 107; PM10 50 → 50; NO2 40 → 50; others lower.
// Day 2: PM2.5 30 → 50 × 30/35 = 42.9 → 43; so AQI = max(43, PM10 50, NO2 50) = 50.
// Day 3: PM2.5 160 → 200 + 100 × 10/100 = 210.
const expected = [107, 50, 210];

test('an XLSX workbook of hourly data is read and its daily AQI shown', async ({ app, page }) => {
  await app.open('zh', 'data');
  await page.getByLabel('选择 CSV、TSV 或 Excel（XLSX）文件').setInputFiles(FIXTURE);
  await expect(page.getByRole('heading', { name: '上传文件的读取结果' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('工作簿，工作表“小时数据”')).toBeVisible();
  await expect(page.locator('.upload-summary')).toContainText('72 行');
  const mapping = app.table('上传文件的列及其识别结果');
  await expect(mapping.getByRole('combobox', { name: '识别为 CO (mg/m³)' })).toHaveValue('co');
  await page.getByLabel('文件中未注明城市的行所属城市').fill('测试市');
  await page.getByRole('button', { name: '将上传的文件添加到我的数据' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已从文件添加' })).toHaveText('已从文件添加： 测试市');

  await page.getByRole('link', { name: '空气质量' }).click();
  const cal = await app.rows(/日 AQI（HJ 633-2012），按月和日 — 测试市, 2023/);
  expect(cal[4].slice(1, 4)).toEqual(expected.map(String)); // May 1–3
  // Three days are far from HJ 663's 324: no annual value, said in words.
  const stats = await app.rows(/HJ 663 年评价统计量与 GB 3095-2012 二级限值 — 测试市, 2023/);
  const pm = stats.find((r) => r[0] === 'PM2.5' && r[1] === '年平均')!;
  expect(pm[2]).toBe('—');
  expect(pm[6]).toBe('有效天数不足（HJ 663 要求 324 天）');
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('the upload worker is precached and reads a workbook offline', async ({ app, page, context }) => {
  await app.open('en', 'data');
  await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 15_000 });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('renewal-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const f of ['/renewal-worker_loader.js', '/renewal-worker.js', '/renewal-worker_bg.wasm']) expect(cached).toContain(f);
  // The worker's wasm is not fetched by the page until a file is chosen.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  expect(fetched.filter((p) => p.startsWith('/renewal-worker'))).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await page.getByLabel('Choose a CSV, TSV or Excel (XLSX) file').setInputFiles(FIXTURE);
  await expect(page.getByRole('heading', { name: 'How the uploaded file was read' })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.upload-summary')).toContainText('72 rows');
  await context.setOffline(false);
  expect(app.traffic.consoleErrors).toEqual([]);
});
