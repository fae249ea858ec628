// A planner pastes three cities' 2023 figures (copied from Excel: tab-separated, Chinese headers,
// decimal commas), accepts them, and reads the composite index in both languages: ranks and
// closeness from a TOPSIS that this test computes itself, then a manual-weights mistake.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures/app';

const SHEET = [
  ['城市', '年份', 'PM2.5（μg/m³）', '地区生产总值（亿元）', '风电发电量（亿千瓦时）', '常住人口（万人）'],
  ['沈阳', '2023', '35,2', '7695,8', '12,5', '914,7'],
  ['大连', '2023', '28,4', '8752,9', '20,1', '753,9'],
  ['鞍山', '2023', '39,0', '1888,1', '3,2', '330,2'],
].map((r) => r.join('\t')).join('\n');

// Independent TOPSIS (Hwang & Yoon 1981): vector normalisation, equal weights; PM2.5 is a cost
// (1 - x/||x||), the rest benefits (x/||x||). Unit conversions scale a whole column, which vector
// normalisation cancels, so the raw numbers above are enough.
const names = ['沈阳', '大连', '鞍山'];
const columns: { values: number[]; cost: boolean }[] = [
  { values: [35.2, 28.4, 39.0], cost: true },
  { values: [7695.8, 8752.9, 1888.1], cost: false },
  { values: [12.5, 20.1, 3.2], cost: false },
  { values: [914.7, 753.9, 330.2], cost: false },
];
function topsis(weights: number[]): { closeness: number[]; rank: number[] } {
  const v = columns.map((c, j) => {
    const norm = Math.sqrt(c.values.reduce((s, x) => s + x * x, 0));
    return c.values.map((x) => weights[j] * (c.cost ? 1 - x / norm : x / norm));
  });
  const ideal = v.map((col) => Math.max(...col));
  const anti = v.map((col) => Math.min(...col));
  const closeness = names.map((_, i) => {
    const dPlus = Math.sqrt(v.reduce((s, col, j) => s + (col[i] - ideal[j]) ** 2, 0));
    const dMinus = Math.sqrt(v.reduce((s, col, j) => s + (col[i] - anti[j]) ** 2, 0));
    return dMinus / (dPlus + dMinus);
  });
  const order = names.map((_, i) => i).sort((a, b) => closeness[b] - closeness[a]);
  const rank = names.map((_, i) => order.indexOf(i) + 1);
  return { closeness, rank };
}
const equal = topsis([0.25, 0.25, 0.25, 0.25]);

async function pasteSheet(app: any, page: any) {
  await app.open('en', 'data');
  await page.getByLabel('Paste your table here').fill(SHEET);
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added values' })).toContainText('沈阳');
}

for (const lang of ['en', 'zh'] as const) {
  const L = lang === 'en'
    ? { nav: 'Composite index', results: /^TOPSIS ranks and closeness, 2023/, radar: 'Sub-scores by dimension (0–1)', sub: /^Closeness within each dimension/, raw: /^Decision matrix: raw values, 2023/, robustness: /^Rank stability under weight perturbation/ }
    : { nav: '综合指数', results: /^TOPSIS 排名与贴近度，2023/, radar: '各维度分项得分（0–1）', sub: /^各维度内的贴近度/, raw: /^决策矩阵：原始值/, robustness: /^权重扰动下的排名稳定性/ };

  test(`ranks and closeness of three pasted cities (${lang})`, async ({ app, page }) => {
    await pasteSheet(app, page);
    await app.open(lang, 'composite');
    await expect(page.getByRole('heading', { level: 2, name: L.nav })).toBeVisible();
    const rows = await (async () => {
      await expect(app.table(L.results)).toBeVisible();
      return app.rows(L.results);
    })();
    // Rows are sorted by rank: [alternative, rank, closeness].
    const expected = names
      .map((n, i) => [n, String(equal.rank[i]), equal.closeness[i].toFixed(3)])
      .sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(rows).toEqual(expected);
    // The radar chart is drawn (four dimensions) with its table beside it, and the working and
    // robustness tables are there.
    await expect(page.getByRole('img', { name: L.radar })).toBeVisible();
    await expect(app.table(L.sub)).toBeVisible();
    await expect(app.table(L.raw)).toBeVisible();
    await expect(app.table(L.robustness)).toBeVisible();
    // With three cities, the radar and every table on the page: no serious accessibility issue.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
    expect(app.traffic.consoleErrors).toEqual([]);
  });
}

test('manual weights that do not sum to 1 are reported and kept', async ({ app, page }) => {
  await pasteSheet(app, page);
  await app.open('en', 'composite');
  await page.getByRole('combobox', { name: 'Weighting method' }).selectOption('manual');
  const pm = page.getByRole('textbox', { name: 'Weight: PM2.5' });
  await expect(pm).toHaveValue('0.250');
  await pm.fill('0,5');
  // 0.5 + 3 × 0.25 = 1.25.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The weights sum to 1.250, not 1');
  await expect(app.table(/^TOPSIS ranks and closeness/)).toHaveCount(0);
  await expect(pm).toHaveValue('0,5');
  await pm.fill('abc');
  await expect(alert).toContainText('Weight of PM2.5: “abc” is not a number.');
  // Fixed: 0.4, 0.2, 0.2, 0.2 -> the index is back, computed with these weights.
  await pm.fill('0.4');
  for (const label of ['Weight: GDP', 'Weight: Generation, wind', 'Weight: Resident population']) {
    await page.getByRole('textbox', { name: label }).fill('0,2');
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
  const manual = topsis([0.4, 0.2, 0.2, 0.2]);
  const rows = await (async () => {
    await expect(app.table(/^TOPSIS ranks and closeness/)).toBeVisible();
    return app.rows(/^TOPSIS ranks and closeness/);
  })();
  const expected = names
    .map((n, i) => [n, String(manual.rank[i]), manual.closeness[i].toFixed(3)])
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  expect(rows).toEqual(expected);
  expect(app.traffic.consoleErrors).toEqual([]);
});
