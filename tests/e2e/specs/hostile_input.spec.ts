// Links come from anyone. A malformed, oversized or hostile fragment is refused with a message
// and changes nothing; user strings are inert everywhere (DOM, charts, embed snippet).
import { test, expect } from '../fixtures/app';
import { city, seed, noDialogs, tokenFor, b64url, workspaceJson } from '../fixtures/share';
import { deflateRawSync } from 'node:zlib';

const MINE = [city(0, 'Mine', { pm25: { '2022': 50 } })];
const deflated = (s: string | Buffer) => '1.' + b64url(deflateRawSync(typeof s === 'string' ? Buffer.from(s) : s));

const HOSTILE: [string, string, RegExp][] = [
  ['bad base64', '1.***', /not valid base64url/],
  ['not deflate', '1.' + b64url(Buffer.from('hello, not a deflate stream')), /damaged or expands beyond 1 MiB/],
  // 8 MiB of spaces deflate to ~8 kB of base64url: refused by size or by the 1 MiB inflate cap.
  ['zip bomb', deflated(Buffer.alloc(4 << 20, 32)), /expands beyond 1 MiB|too large for a link/],
  ['wrong version', '9.' + b64url(Buffer.from('x')), /unknown format/],
  ['invalid JSON', deflated('{"v":1, not json'), /does not hold data of this calculator/],
  ['wrong shape', deflated('{"v":1,"lang":"en","page":"overview","workspace":{"version":1,"cities":"<b>x</b>"}}'), /does not hold data/],
  ['control characters', tokenFor([city(0, 'a\u0000b', {})]), /control characters/],
];

for (const [what, token, message] of HOSTILE) {
  test(`a hostile fragment is rejected: ${what}`, async ({ app, page, context }) => {
    const noDialog = noDialogs(page);
    await seed(context, MINE);
    await page.goto(`/?lang=en#/overview?s=${token}`);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('Nothing was changed');
    await expect(page.getByRole('table', { name: /^Mine: / })).toBeVisible();
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('renewal.workspace')))!)).toEqual(JSON.parse(workspaceJson(MINE)));
    noDialog();
    expect(app.traffic.foreign).toEqual([]);
    expect(app.traffic.consoleErrors).toEqual([]);
  });
}

test('a hostile fragment pasted into an open tab is rejected too', async ({ app, page, context }) => {
  await seed(context, MINE);
  await app.open('zh', 'overview');
  await page.evaluate(() => { location.hash = '#/overview?s=1.%%%'; });
  await expect(page.getByRole('alert')).toContainText('未做任何更改');
  await expect(page.getByRole('table', { name: /^Mine: / })).toBeVisible();
});

const XSS = '<img src=x onerror=alert(1)>';

test('a city named like markup is text in the overview, the charts, a shared link and the embed snippet', async ({ app, page, context, browser, baseURL }) => {
  const noDialog = noDialogs(page);
  await seed(context, [city(0, XSS, {
    pm25: { '2019': 40, '2020': 38, '2021': 36, '2022': 35 },
    value_added_primary: { '2022': 100 }, value_added_secondary: { '2022': 400 }, value_added_tertiary: { '2022': 500 },
  })]);
  await app.open('en', 'overview');
  await expect(page.getByRole('heading', { level: 3, name: XSS })).toHaveText(XSS);
  await expect(page.getByRole('table', { name: `${XSS}: air quality against the Northeast baseline (paper Table 1)` })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  // The embed snippet: the name is in the frame's title, escaped.
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByLabel('View to embed').selectOption('overview');
  const snippet = await page.getByLabel('HTML to paste into your page').inputValue();
  expect(snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(snippet).not.toContain(XSS);
  expect(snippet.match(/<[a-z]/g)).toEqual(['<i', '<s']); // only <iframe and <script
  const link = await page.getByLabel('Link that reproduces this page with your cities').inputValue();

  // Charts: any chart that shows the city draws its name as text (SVG text node), never markup.
  await page.goto('/?lang=en#/industry');
  await expect(page.getByRole('heading', { level: 2, name: 'Industry' })).toBeVisible();
  const svgText = await page.locator('.chart svg').evaluateAll((svgs) => svgs.map((s) => s.textContent ?? '').join(' '));
  expect(svgText).toContain('img src=x onerror=alert(1)');
  expect(svgText).not.toContain('<img');
  expect(await page.locator('img[src="x"], svg image').count()).toBe(0);

  // The shared link carries the name as data and it arrives as text.
  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  const noDialog2 = noDialogs(other);
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 3, name: XSS })).toHaveText(XSS);
  expect(await other.locator('img[src="x"]').count()).toBe(0);
  await fresh.close();
  noDialog();
  noDialog2();
  expect(app.traffic.consoleErrors).toEqual([]);
  expect(app.traffic.foreign).toEqual([]);
});
