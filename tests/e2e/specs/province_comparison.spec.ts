// A planner pastes a city with population and GDP-by-industry columns, then reads it beside
// Liaoning, Jilin, Heilongjiang and the Northeast in the Population and Industry views, with the
// source of every provincial value, in both languages; and looks the city up in the Resources view.
import { test, expect } from '../fixtures/app';

// The app ships no favicon; the browser's automatic request for one is not the app's error.
test.beforeEach(async ({ page }) => {
  await page.route('**/favicon.ico', (r) => r.fulfill({ status: 204, body: '' }));
});

const SHEET = [
  ['城市', '年份', '常住人口（万人）', '出生人口', '死亡人口', '第一产业增加值', '第二产业增加值', '第三产业增加值'],
  ['阜新', '2016', '186.5', '', '', '', '', ''],
  ['阜新', '2017', '185.0', '', '', '', '', ''],
  ['阜新', '2018', '183.6', '', '', '', '', ''],
  ['阜新', '2019', '182.1', '', '', '', '', ''],
  ['阜新', '2020', '180.0', '', '', '', '', ''],
  ['阜新', '2021', '177.9', '9800', '16300', '55', '300', '400'],
  ['阜新', '2022', '175.0', '', '', '60', '320', '420'],
].map((r) => r.join('\t')).join('\n');

// Independent expectations. City: 10k persons, 2016-2022.
const [p16, p20, p21, p22] = [186.5, 180.0, 177.9, 175.0];
const cityChange = p22 - p16;
const cityPct = (cityChange / p16) * 100;
const cityCagr = (Math.pow(p22 / p16, 1 / 6) - 1) * 100;
// 2021 net migration (the latest year with births and deaths), residual method: change minus
// (births - deaths), per 1,000 of the mid-year population.
const natural = (9800 - 16300) / 1e4;
const mid = (p20 + p21) / 2;
const cityMigration = (((p21 - p20) - natural) / mid) * 1000;
// Liaoning, NBS year-end population revised to the 2020 census (reference table N1c).
const [ln16, ln22] = [4327, 4197];
const lnCagr = (Math.pow(ln22 / ln16, 1 / 6) - 1) * 100;
// Northeast total (N1c computed sum): 10357 -> 9644.
const [ne16, ne22] = [10357, 9644];
// Industry 2022: shares of the sum of the three value-added series.
const va = [60, 320, 420];
const total = va.reduce((a, b) => a + b, 0);
const shares = va.map((v) => v / total);
const hhi = shares.reduce((a, s) => a + s * s, 0);
const evenness = -shares.reduce((a, s) => a + s * Math.log(s), 0) / Math.log(3);

// Numbers as the page prints them: grouped in thousands (CLDR: ',' in en and zh), fixed decimals.
const fixed = (v: number, d = 2) =>
  v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const sign = (v: number, d = 2) => (v >= 0 ? '+' : '') + fixed(v, d);

const LANGS = [
  {
    lang: 'en' as const,
    paste: 'Paste your table here', add: 'Add to my data',
    population: 'Population', industry: 'Industry', resources: 'Resources',
    popCaption: /阜新: population change beside the provinces, 2016–2022/,
    indCaption: /阜新: industrial structure beside the provinces, 2022/,
    liaoning: 'Liaoning', northeast: 'Northeast (3 provinces)', heilongjiang: 'Heilongjiang',
    lowOut: 'left out: low confidence', high: 'high',
    lookup: 'City name (Chinese or English)', notListed: 'Not on the verified list.', declining: 'declining',
    fuxin: 'Fuxin',
  },
  {
    lang: 'zh' as const,
    paste: '在此粘贴表格', add: '添加到我的数据',
    population: '人口', industry: '产业结构', resources: '资源',
    popCaption: /阜新: 人口变化与各省对比, 2016–2022/,
    indCaption: /阜新: 产业结构与各省对比, 2022/,
    liaoning: '辽宁省', northeast: '东北三省', heilongjiang: '黑龙江省',
    lowOut: '未列入：可信度低', high: '高',
    lookup: '城市名称（中文或英文）', notListed: '不在已核实的名单中。', declining: '衰退型',
    fuxin: '阜新',
  },
];

for (const L of LANGS) {
  test(`a pasted city is compared with the provinces, sources shown (${L.lang})`, async ({ app, page }) => {
    await app.open(L.lang, 'data');
    await page.getByLabel(L.paste).fill(SHEET);
    await page.getByRole('button', { name: L.add }).click();
    await expect(page.getByRole('status').first()).toContainText('阜新');

    // Population.
    await page.getByRole('link', { name: L.population, exact: true }).click();
    const pop = app.table(L.popCaption);
    await expect(pop).toBeVisible();
    const rows = await app.rows(L.popCaption);
    const city = rows.find((r) => r[0] === '阜新')!;
    expect(city.slice(1, 6)).toEqual([fixed(p16), fixed(p22), sign(cityChange), sign(cityPct), sign(cityCagr)]);
    expect(city[6]).toContain(`${sign(cityMigration)} (2021)`);
    const ln = rows.find((r) => r[0] === L.liaoning)!;
    expect(ln.slice(1, 6)).toEqual([fixed(ln16), fixed(ln22), sign(ln22 - ln16), sign(((ln22 - ln16) / ln16) * 100), sign(lnCagr)]);
    // The provinces' derived net migration of 2021 (N4b) is rated low: left out by default.
    expect(ln[6]).toContain(L.lowOut);
    const ne = rows.find((r) => r[0] === L.northeast)!;
    expect(ne.slice(1, 3)).toEqual([fixed(ne16), fixed(ne22)]);
    // The source of the Liaoning row: table and confidence in the summary, the citation inside.
    const source = pop.getByRole('row', { name: new RegExp(`^${L.liaoning}`) }).locator('summary').first();
    await expect(source).toHaveText(`N1c · ${L.high}`);
    await source.click();
    await expect(pop.getByText(/pik-piam\/PyPSA-China-PIK/).first()).toBeVisible();
    // The chart has its data table; the base year is 100 for every line.
    const index = app.table(/2016–2022/).nth(1);
    await expect(index).toBeVisible();

    // Industry.
    await page.getByRole('link', { name: L.industry, exact: true }).click();
    const ind = app.table(L.indCaption);
    await expect(ind).toBeVisible();
    const irows = await app.rows(L.indCaption);
    const icity = irows.find((r) => r[0] === '阜新')!;
    expect(icity.slice(1, 7)).toEqual(['2022', ...shares.map((s) => (s * 100).toFixed(1)), hhi.toFixed(3), evenness.toFixed(3)]);
    // N2: Heilongjiang 2022 printed 22.7 / 29.2 / 48.1; Liaoning 2022 from levels 9.0 / 40.6 / 50.5.
    const hlj = irows.find((r) => r[0] === L.heilongjiang)!;
    expect(hlj.slice(1, 5)).toEqual(['2022', '22.7', '29.2', '48.1']);
    const lni = irows.find((r) => r[0] === L.liaoning)!;
    expect(lni.slice(2, 5)).toEqual(['9.0', '40.6', '50.5']);
    await expect(ind.getByRole('row', { name: new RegExp(`^${L.liaoning}`) }).locator('summary').first()).toContainText('N2');

    // Resources: the city looked up by name.
    await page.getByRole('link', { name: L.resources, exact: true }).click();
    await page.getByLabel(L.lookup).fill(L.fuxin);
    const found = app.table(/阜新市 · Fuxin/);
    await expect(found).toBeVisible();
    await expect(found).toContainText(L.notListed);
    await expect(found).toContainText(L.declining);
    expect(app.traffic.consoleErrors).toEqual([]);
  });
}

test('an unknown name is "not on the verified list", never "not depleted"', async ({ app, page }) => {
  await app.open('en', 'resources');
  await page.getByLabel('City name (Chinese or English)').fill('Atlantis');
  await expect(page.getByText('Not on the verified list.').first()).toBeVisible();
  await expect(page.getByText(/does not mean the city is not resource-exhausted/).first()).toBeVisible();
  await page.getByLabel('City name (Chinese or English)').fill('Yichun');
  await expect(app.table(/伊春市/)).toBeVisible();
  await expect(app.table(/宜春市/)).toBeVisible();
  expect(app.traffic.consoleErrors).toEqual([]);
});
