// A planner pastes one sheet (tab-separated, Chinese headers, decimal commas) that covers air
// quality, resources, industry and population, and reads the numbers in the overview and in
// each family view; then switches language, reloads, and checks the dark theme and the
// colour-vision-safe palette. Every expected number is computed here, independently of the app.
import { test, expect, AppPage } from '../fixtures/app';
import type { Page } from '@playwright/test';

const CITY = '鞍山';
const years = [2019, 2020, 2021, 2022];
const pm25 = [48.2, 45.0, 41.6, 39.9];
const so2 = [20, 18, 15, 12];
const reserves = [5000, 4700, 4380, 4070]; // 10^4 t
const production = [300.5, 320.0, 310.5, 290.0]; // 10^4 t
const primary = [150.0, 152.5, 153.0, 155.5]; // 10^8 yuan
const secondary = [790.0, 800.5, 805.0, 812.3];
const tertiary = [980.0, 1001.5, 1020.0, 1032.2];
const population = [332.5, 330.1, 328.0, 325.8]; // 10^4 persons

const comma = (v: number) => String(v).replace('.', ',');
const HEADERS = ['城市', '年份', 'PM2.5（微克/立方米）', '二氧化硫', '资源储量（万吨）', '产量（万吨）',
  '第一产业增加值（亿元）', '第二产业增加值（亿元）', '第三产业增加值（亿元）', '常住人口（万人）'];
const SHEET = [
  HEADERS,
  ...years.map((y, i) => [CITY, String(y), comma(pm25[i]), String(so2[i]), String(reserves[i]),
    comma(production[i]), comma(primary[i]), comma(secondary[i]), comma(tertiary[i]), comma(population[i])]),
].map((r) => r.join('\t')).join('\n');

// ---- independent expectations ----
const signed = (v: number, d: number) => (v > 0 && Number(v.toFixed(d)) !== 0 ? '+' : '') + v.toFixed(d);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return s.length % 2 ? s[Math.floor(m)] : (s[m - 1] + s[m]) / 2;
};
/** Theil–Sen slope: the median of all pairwise slopes. */
const senSlope = (ys: number[], xs: number[]) => {
  const slopes: number[] = [];
  for (let i = 0; i < ys.length; i++) for (let j = i + 1; j < ys.length; j++) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
  return median(slopes);
};

// Overview: the paper's Table 1 gives PM2.5 = 23 µg/m³ in 2022; GB 3095-2012 grade II annual
// limit 35 µg/m³; status "watch" for 35 < c <= 1.5 x 35. Four strictly falling years give
// Mann–Kendall S = -6, p = 0.089 (not significant at 0.05).
const pmLatest = pm25[3];
const pmSen = senSlope(pm25, years);

// Resources: original reserves = the first reserves value; cumulative extraction = the sum of
// production from that year on (no extraction column); R/P = remaining / last production.
const original = reserves[0] / 100; // Mt
const cumulative = production.reduce((a, b) => a + b, 0) / 100; // Mt
const extractionRatioPct = (100 * cumulative) / original;
const reserveYears = (original - cumulative) / (production[3] / 100);

// Industry: shares of the sum of the three value-added series in 2022, HHI = sum of squared
// shares, Shannon evenness J = -sum s ln s / ln 3.
const va = [primary[3], secondary[3], tertiary[3]];
const total = va.reduce((a, b) => a + b, 0);
const shares = va.map((v) => v / total);
const hhi = shares.reduce((a, s) => a + s * s, 0);
const evenness = -shares.reduce((a, s) => a + s * Math.log(s), 0) / Math.log(3);

// Population: change, change in %, compound annual growth over 2019–2022.
const popChange = population[3] - population[0];
const popChangePct = (100 * popChange) / population[0];
const cagrPct = 100 * (Math.pow(population[3] / population[0], 1 / (years[3] - years[0])) - 1);

async function pasteSheet(app: AppPage, page: Page) {
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  const mapping = app.table(/Columns and what they were read as/);
  await expect(mapping.getByRole('combobox', { name: 'Read as 资源储量（万吨）' })).toHaveValue('resource_reserves');
  await expect(mapping.getByRole('combobox', { name: 'Read as 产量（万吨）' })).toHaveValue('resource_production');
  await expect(mapping.getByRole('combobox', { name: 'Read as 第二产业增加值（亿元）' })).toHaveValue('value_added_secondary');
  await expect(mapping.getByRole('combobox', { name: 'Read as 常住人口（万人）' })).toHaveValue('population');
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added values' }))
    .toHaveText(`Added values: ${years.length * (HEADERS.length - 2)} (${CITY})`);
}

test('one pasted sheet is read correctly in the overview and in every family view', async ({ app, page }) => {
  await pasteSheet(app, page);

  // Overview.
  await page.getByRole('link', { name: 'Overview' }).click();
  const overview = await app.rows(new RegExp(`${CITY}: air quality against the Northeast baseline`));
  const pm = overview.find((r) => r[0].startsWith('PM2.5'))!;
  expect(pm.slice(1, 7)).toEqual([
    `${pmLatest.toFixed(1)} (2022)`, '23.0 (2022)', signed(pmLatest - 23, 1),
    `×${(pmLatest / 23).toFixed(2)}`, '35.0', 'watch',
  ]);
  expect(pm[7]).toBe(`→ no significant trend (p = 0.089; ${signed(pmSen, 2)}/year)`);
  expect(overview.find((r) => r[0].startsWith('SO2'))![6]).toBe('good'); // 12 <= 60

  // Air quality: annual compliance against GB 3095-2012 grade II.
  await page.getByRole('link', { name: 'Air quality', exact: true }).click();
  const compliance = await app.rows(new RegExp(`${CITY}: annual compliance`));
  const gb = compliance.find((r) => r[0] === 'PM2.5' && r[2].includes('GB 3095-2012'))!;
  expect(gb[1]).toBe(`${pmLatest} (2022)`);
  expect(gb[3]).toBe('35');
  expect(gb[4]).toBe(`×${(pmLatest / 35).toFixed(2)}`);

  // Resources: the depletion calculator prefilled from the pasted city.
  await page.getByRole('link', { name: 'Resources' }).click();
  // The fictional example comes first in the list; choose the pasted city.
  await page.getByLabel('Prefill from').selectOption({ label: CITY });
  await expect(page.getByLabel('Originally proven reserves')).toHaveValue(String(original));
  await expect(page.getByLabel(/^Cumulative extraction/)).toHaveValue(String(cumulative));
  const depletion = await app.rows(/Depletion test, as of 2022/);
  expect(depletion[0][1]).toBe(`${extractionRatioPct.toFixed(1)}%`);
  expect(depletion[1][1]).toBe(reserveYears.toFixed(1));

  // Industry: shares, HHI and evenness in 2022.
  await page.getByRole('link', { name: 'Industry' }).click();
  const industry = await app.rows(new RegExp(`${CITY}: industrial structure beside the provinces, 2022`));
  const own = industry.find((r) => r[0] === CITY)!;
  expect(own.slice(1, 7)).toEqual([
    '2022', ...shares.map((s) => (100 * s).toFixed(1)), hhi.toFixed(3), evenness.toFixed(3),
  ]);

  // Population: change and CAGR over 2019–2022.
  await page.getByRole('link', { name: 'Population' }).click();
  const pop = await app.rows(new RegExp(`${CITY}: population change beside the provinces, 2019–2022`));
  const mine = pop.find((r) => r[0] === CITY)!;
  expect(mine.slice(1, 6)).toEqual([
    population[0].toFixed(2), population[3].toFixed(2), signed(popChange, 2),
    signed(popChangePct, 2), signed(cagrPct, 2),
  ]);

  // Chinese labels after switching; the numbers stay.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(app.table(new RegExp(`${CITY}: 人口变化与各省对比`))).toBeVisible();
  await page.getByRole('link', { name: '总览' }).click();
  const zh = await app.rows(new RegExp(`${CITY}: 空气质量与东北基准对比`));
  const pmZh = zh.find((r) => r[0].startsWith('PM2.5'))!;
  expect(pmZh[1]).toBe(`${pmLatest.toFixed(1)} (2022)`);
  expect(pmZh[6]).toBe('注意');

  // A fresh load without ?lang, then a reload: the remembered language and the data are back.
  await page.goto('/#/overview');
  await page.reload();
  const reloaded = await app.rows(new RegExp(`${CITY}: 空气质量与东北基准对比`));
  expect(reloaded.find((r) => r[0].startsWith('PM2.5'))![1]).toBe(`${pmLatest.toFixed(1)} (2022)`);
  expect(app.traffic.consoleErrors).toEqual([]);
});

/** The page background and the fill of the pollutant chart's title, both as computed rgb(). */
async function colours(page: Page) {
  return page.evaluate(() => {
    const rgb = (c: string) => {
      const probe = document.createElement('span');
      probe.style.color = c;
      document.body.append(probe);
      const out = getComputedStyle(probe).color;
      probe.remove();
      return out;
    };
    const title = Array.from(document.querySelectorAll('.chart svg text'))
      .find((t) => t.textContent === 'Annual concentrations, Northeast China');
    return {
      background: getComputedStyle(document.documentElement).backgroundColor,
      chartText: title ? rgb(title.getAttribute('fill') ?? '') : '',
    };
  });
}

test('the dark scheme follows the system preference live, charts included', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open('en', 'baseline');
  await expect(page.locator('.chart svg text').first()).toBeVisible();
  await expect.poll(async () => (await colours(page)).chartText).toBe('rgb(27, 31, 36)'); // --ink
  expect((await colours(page)).background).toBe('rgb(251, 251, 248)'); // --paper

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await colours(page)).background).toBe('rgb(21, 24, 29)');
  await expect.poll(async () => (await colours(page)).chartText).toBe('rgb(232, 234, 237)');
  expect(app.traffic.consoleErrors).toEqual([]);
});

test('?palette=cvd switches statuses and charts to the colour-vision-safe palette and is remembered', async ({ app, page }) => {
  await pasteSheet(app, page);
  const chip = (word: string) => page.locator('.status').filter({ hasText: new RegExp(`^${word}$`) }).first();
  const bg = (word: string) => chip(word).evaluate((e) => getComputedStyle(e).backgroundColor);
  const dashed = () => page.locator('.chart svg path[stroke-dasharray]').count();

  await app.open('en', 'overview');
  expect(await bg('good')).toBe('rgb(215, 240, 230)');
  expect(await bg('watch')).toBe('rgb(253, 233, 199)');
  await app.open('en', 'baseline');
  await expect(page.locator('.chart svg text').first()).toBeVisible();
  expect(await dashed()).toBe(0);

  await page.goto('/?lang=en&palette=cvd#/overview');
  await expect(page.getByRole('checkbox', { name: 'Colour-blind-safe palette' })).toBeChecked();
  await expect.poll(() => bg('good')).toBe('rgb(220, 235, 247)');
  expect(await bg('watch')).toBe('rgb(251, 239, 201)');
  // The word is still there: colour is never the only signal.
  await expect(chip('watch')).toHaveText('watch');

  // Remembered without the parameter; the charts draw lines with dash patterns.
  await app.open('en', 'baseline');
  await expect(page.getByRole('checkbox', { name: 'Colour-blind-safe palette' })).toBeChecked();
  await expect.poll(dashed).toBeGreaterThan(0);

  // And switched back from the page.
  await page.getByRole('checkbox', { name: 'Colour-blind-safe palette' }).uncheck();
  await expect.poll(dashed).toBe(0);
  expect(app.traffic.consoleErrors).toEqual([]);
});
