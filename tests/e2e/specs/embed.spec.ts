// A journalist embeds a view in an article on another site: the frame shows one chart, table or
// comparison with minimal chrome, tells the host page its height (and nothing else), and works
// where storage is refused or partitioned.
import { test, expect } from '../fixtures/app';
import { city, seed, noDialogs, serveHtml } from '../fixtures/share';
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';

let HOST = '';
let host: Server;

test.beforeAll(async ({ baseURL }) => {
  // The host page: embed.js from the app's origin, and a record of every message it receives.
  ({ server: host, origin: HOST } = await serveHtml(() => `<!doctype html><html lang="en"><title>Host article</title>
<script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>
<h1>An article</h1><div id="slot"></div>
<script src="${baseURL}/embed.js"></script>`));
});
test.afterAll(() => new Promise<void>((r) => host.close(() => r())));

async function embedOnHost(page: Page, iframeHtml: string) {
  await page.goto(`${HOST}/article.html`);
  await page.evaluate((html) => { document.getElementById('slot')!.innerHTML = html; }, iframeHtml);
  return page.frameLocator('iframe');
}

async function heights(page: Page) {
  return page.evaluate(() => ({
    frame: document.querySelector('iframe')!.getBoundingClientRect().height,
    messages: (window as any).received as { origin: string; data: any }[],
  }));
}

test('the baseline chart embedded on another origin reports its height and the frame follows it', async ({ page, baseURL }) => {
  const noDialog = noDialogs(page);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const frame = await embedOnHost(page,
    `<iframe src="${baseURL}/#/embed/baseline-air?lang=zh&theme=dark" title="embed" style="width:100%;border:0;height:150px"></iframe>`);
  await expect(frame.getByRole('table', { name: /论文表 1/ })).toBeVisible();
  await expect(frame.locator('.chart svg').first()).toBeVisible();
  // Minimal chrome: no site header or navigation, the theme and language as asked.
  await expect(frame.getByRole('navigation')).toHaveCount(0);
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect.poll(async () => (await heights(page)).frame, { timeout: 10_000 }).toBeGreaterThan(400);
  const { frame: h, messages } = await heights(page);
  const last = messages.filter((m) => m.data?.type === 'renewal:height').at(-1)!;
  expect(last.origin).toBe(new URL(baseURL!).origin);
  expect(h).toBe(Math.ceil(last.data.height));
  // The frame's content fits: the iframe is as tall as the embed's content.
  const content = await frame.locator('.embed').evaluate((e) => (e as HTMLElement).offsetHeight);
  expect(Math.abs(h - content)).toBeLessThanOrEqual(1);
  // Nothing but the height ever leaves the frame.
  for (const m of messages) expect(Object.keys(m.data).sort()).toEqual(['height', 'type']);

  // The content changes size: narrower host, taller content, a new message, a taller frame.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(async () => (await heights(page)).frame, { timeout: 10_000 }).toBeGreaterThan(h);
  const after = await heights(page);
  expect(after.frame).toBe(Math.ceil(after.messages.at(-1)!.data.height));
  noDialog();
  expect(errors).toEqual([]);
});

test('the snippet from "Embed this" shows the user\'s comparison in a sandboxed frame where storage throws', async ({ app, page, context, baseURL }) => {
  const noDialog = noDialogs(page);
  await seed(context, [city(0, 'Tieling', { pm25: { '2021': 31, '2022': 29.5 } })]);
  await app.open('en', 'overview');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByLabel('View to embed').selectOption('overview');
  await page.getByLabel('Language of the embed').selectOption('en');
  const snippet = await page.getByLabel('HTML to paste into your page').inputValue();
  expect(snippet).toContain('sandbox="allow-scripts allow-same-origin');
  expect(snippet).toContain(`<script src="${baseURL}/embed.js" async></script>`);
  expect(snippet).toContain('title="Industrial City Renewal Calculator — Overview: my cities against the Northeast: Tieling"');

  // Another browser, where the embedded page may not use storage at all.
  const other = await context.browser()!.newContext();
  await other.addInitScript((hostOrigin) => {
    if (location.origin === hostOrigin) return;
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  }, HOST);
  const hostPage = await other.newPage();
  const errors: string[] = [];
  hostPage.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const foreign: string[] = [];
  hostPage.on('request', (r) => {
    const o = new URL(r.url()).origin;
    if (o !== HOST && o !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  const frame = await embedOnHost(hostPage, snippet.split('\n')[0]);
  const table = frame.getByRole('table', { name: /^Tieling: / });
  await expect(table).toBeVisible();
  const pm = (await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim()))))
    .find((r) => r[0].startsWith('PM2.5'))!;
  // Paper Table 1: Northeast PM2.5 2022 = 23 µg/m³.
  expect(pm[1]).toBe('29.5 (2022)');
  expect(pm[3]).toBe(`+${(29.5 - 23).toFixed(2)}`); // below 10: two decimals
  await expect.poll(async () => (await heights(hostPage)).frame, { timeout: 10_000 }).toBeGreaterThan(200);
  const { frame: h, messages } = await heights(hostPage);
  expect(h).toBe(Math.ceil(messages.at(-1)!.data.height));
  for (const m of messages) expect(Object.keys(m.data).sort()).toEqual(['height', 'type']);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await other.close();
  noDialog();
});
