// A planner pastes a city's energy and air data, and the advisor shows which numbers triggered
// which of the paper's challenges and strategies, in both languages; a city inside every
// threshold reads "no rule triggered", not an empty page.
import { test, expect } from '../fixtures/app';

const SHEET = [
  ['城市', '年份', '风电发电量（亿千瓦时）', '光伏发电量（亿千瓦时）', '火电发电量（亿千瓦时）', 'PM2.5'],
  ['鞍山', '2016', '12,5', '1,6', '180,2', '45'],
  ['鞍山', '2020', '20,3', '8,4', '170,0', '38'],
  ['清城', '2022', '', '', '', '20,5'],
].map((r) => r.join('\t')).join('\n');

// Independent expectations.
const windCagr = Math.pow(20.3 / 12.5, 1 / 4) - 1; // below the Northeast's (727/437)^(1/4) − 1
const neWind = Math.pow(727 / 437, 1 / 4) - 1;
const renewableShare = (20.3 + 8.4) / (20.3 + 8.4 + 170.0); // below 30 %

test('the advisor explains what triggered, and says when nothing did', async ({ app, page }) => {
  expect(windCagr).toBeLessThan(neWind);
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added values' })).toContainText('鞍山');

  await app.open('en', 'advisor');
  await expect(page.getByRole('heading', { level: 2, name: 'Strategy advisor' })).toBeVisible();
  await page.getByLabel('City', { exact: true }).selectOption({ label: '鞍山' });
  const wind = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Wind generation compound annual growth' }) });
  await expect(wind).toContainText(`${(windCagr * 100).toFixed(2)}% per year (2016–2020), below ${(neWind * 100).toFixed(2)}% per year`);
  await expect(wind).toContainText('the paper: section 4.7 / Figure 2');
  await expect(wind).toContainText('4.6');
  const share = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Renewable share of generation' }) });
  await expect(share).toContainText(`${(renewableShare * 100).toFixed(1)}% (2020), below 30.0%`);
  const pm = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'PM2.5 annual mean' }) });
  await expect(pm.first()).toContainText('38.0 µg/m³ (2020), above 35.0 µg/m³');
  await expect(page.getByRole('heading', { name: 'Challenges that apply (paper, section 3)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Could not be computed' })).toBeVisible();
  await expect(page.getByText('PM10 annual mean: needs PM10')).toBeVisible();

  // Chinese.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '策略建议' })).toBeVisible();
  await page.getByLabel('城市', { exact: true }).selectOption({ label: '鞍山' });
  const windZh = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '风电发电量年均增长率' }) });
  await expect(windZh).toContainText(`${(windCagr * 100).toFixed(2)}%/年 (2016–2020), 低于 ${(neWind * 100).toFixed(2)}%/年`);
  await expect(page.getByRole('heading', { name: '适用的挑战（论文第3节）' })).toBeVisible();

  // A city inside every threshold it can be checked against.
  await page.getByLabel('城市', { exact: true }).selectOption({ label: '清城' });
  await expect(page.getByText('没有规则被触发')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('City', { exact: true }).selectOption({ label: '清城' });
  await expect(page.getByText('No rule was triggered')).toBeVisible();
  const clear = await app.rows(/清城: diagnostics on the good side of their threshold/);
  expect(clear.find((r) => r[0] === 'PM2.5 annual mean')!.slice(1, 3)).toEqual(['2022', '20.5 µg/m³']);

  expect(app.traffic.consoleErrors).toEqual([]);
});
