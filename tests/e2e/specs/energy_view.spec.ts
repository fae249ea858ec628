// A planner pastes a sheet with a city's wind, solar and thermal generation (Chinese headers,
// decimal commas, 亿千瓦时), then reads the energy view: shares, growth beside the Northeast's
// Figure 2, CO2 avoided, in both languages; a bad number is located and what was typed stays.
import { test, expect } from '../fixtures/app';

const SHEET = [
  ['城市', '年份', '风电发电量（亿千瓦时）', '光伏发电量（亿千瓦时）', '火电发电量（亿千瓦时）', 'PM2.5'],
  ['鞍山', '2016', '12,5', '1,6', '180,2', '45'],
  ['鞍山', '2020', '20,3', '8,4', '170,0', '38'],
].map((r) => r.join('\t')).join('\n');

// Independent expectations, computed here from the sheet and the paper's Figure 2.
const cagr = (from: number, to: number, years: number) => Math.pow(to / from, 1 / years) - 1;
const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`;
const windCagr = cagr(12.5, 20.3, 4);
const neWindCagr = cagr(437, 727, 4); // Figure 2: wind 437 -> 727, 2016 -> 2020
const solarCagr = cagr(1.6, 8.4, 4);
const neSolarCagr = cagr(20, 187, 4); // solar 20 -> 187
const total2020 = 20.3 + 8.4 + 170.0; // 亿千瓦时; thermal counts as fossil
const renewableShare2020 = (20.3 + 8.4) / total2020;
// CO2 avoided = (wind + solar) × 10^8 kWh / 1000 kWh per MWh × 0.5122 tCO2/MWh (MEE & NBS 2023,
// Northeast grid, the default factor).
const co2_2020 = Math.round(((20.3 + 8.4) * 1e8 / 1000) * 0.5122);
const points = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

async function pasteSheet(app: any, page: any) {
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added values' })).toContainText('鞍山');
}

test('the energy view compares the pasted city with the Northeast in English and Chinese', async ({ app, page }) => {
  await pasteSheet(app, page);

  await app.open('en', 'energy');
  await expect(page.getByRole('heading', { level: 2, name: 'Energy transition' })).toBeVisible();
  await page.getByLabel('City', { exact: true }).selectOption({ label: '鞍山' });
  await expect(page.getByLabel('Generation and capacity by source and year')).toHaveValue(/2020\twind\t20\.3/);

  const growth = await app.rows(/鞍山: growth beside the Northeast/);
  const wind = growth.find((r) => r[0] === 'Wind')!;
  expect(wind[1]).toBe('2016–2020');
  await expect(page.getByText("The city's years are the paper's (2016–2020)")).toBeVisible();
  expect(wind[2]).toBe(`×${(20.3 / 12.5).toFixed(2)}`);
  expect(wind[3]).toBe(pct(windCagr));
  expect(wind[4]).toBe(`×${(727 / 437).toFixed(2)}`);
  expect(wind[5]).toBe(pct(neWindCagr));
  expect(wind[6]).toBe(points(windCagr - neWindCagr));
  const solar = growth.find((r) => r[0] === 'Solar')!;
  expect(solar[3]).toBe(pct(solarCagr));
  expect(solar[5]).toBe(pct(neSolarCagr));

  const mix = await app.rows(/鞍山: generation mix/);
  const y2020 = mix.find((r) => r[0] === '2020')!;
  expect(y2020[1]).toBe(Math.round(total2020).toString());
  expect(y2020[2]).toBe(pct(renewableShare2020));
  expect(y2020[4]).toBe(pct(170 / total2020));

  const co2 = await app.rows(/鞍山: CO2 avoided/);
  expect(co2.find((r) => r[0] === '2020')![3]).toBe(co2_2020.toLocaleString('en-US'));
  await expect(app.region('CO2 avoided by wind and solar')).toContainText('Factor used: 0.5122 tCO2/MWh');
  await expect(page.getByRole('img', { name: 'Average annual growth of generation, %' })).toBeVisible();

  // Chinese: same numbers, Chinese labels.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '能源转型' })).toBeVisible();
  await page.getByLabel('城市', { exact: true }).selectOption({ label: '鞍山' });
  const zh = await app.rows(/鞍山: 增长与东北/);
  const windZh = zh.find((r) => r[0] === '风电')!;
  expect(windZh[1]).toBe('2016–2020');
  await expect(page.getByText('城市年份与论文相同')).toBeVisible();
  expect(windZh[3]).toBe(pct(windCagr));
  expect(windZh[5]).toBe(pct(neWindCagr));
  expect(windZh[6]).toBe(points(windCagr - neWindCagr));
  const co2Zh = await app.rows(/鞍山: 减排二氧化碳/);
  expect(co2Zh.find((r) => r[0] === '2020')![3]).toBe(co2_2020.toLocaleString('en-US'));

  expect(app.traffic.consoleErrors).toEqual([]);
});

test('a bad number is located by row, column, value and reason, and what was typed stays', async ({ app, page }) => {
  await pasteSheet(app, page);
  await app.open('en', 'energy');
  await page.getByLabel('City', { exact: true }).selectOption({ label: '鞍山' });
  const box = page.getByLabel('Generation and capacity by source and year');
  const typed = 'year\tsource\tgeneration\n2016\twind\t12,5\n2020\twind\tabc\n';
  await box.fill(typed);
  const errors = await app.rows(/Values that could not be used/);
  expect(errors).toEqual([['3', 'generation', 'abc', 'not a number']]);
  await expect(box).toHaveValue(typed);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  // Changing the unit keeps the edited text.
  await page.getByLabel('Unit of generation').selectOption('GWh');
  await expect(box).toHaveValue(typed);
  expect(app.traffic.consoleErrors).toEqual([]);
});
