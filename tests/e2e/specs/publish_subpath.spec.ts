// The release build published under a sub-path (README "Publishing"): service worker scope,
// manifest, icons, deep links, shared links and embeds all work below /tools/renewal/. Needs a
// build made with `cargo xtask dist --public-url /tools/renewal/`, passed as
// RENEWAL_SUBPATH_DIST; skipped otherwise (the ordinary build is served at the root).
import { test, expect } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { city, foreignRequests, noDialogs, serveDir, tokenFor } from '../fixtures/share';

const built = process.env.RENEWAL_SUBPATH_DIST;

test('under /tools/renewal/ the app installs, works offline and serves deep links and embeds', async ({ browser }) => {
  test.skip(!built, 'set RENEWAL_SUBPATH_DIST to a build made with --public-url /tools/renewal/');
  test.setTimeout(90_000);
  const root = mkdtempSync(join(tmpdir(), 'renewal-site-'));
  mkdirSync(join(root, 'tools'));
  symlinkSync(resolve(built!), join(root, 'tools', 'renewal'));
  const { child, origin } = await serveDir(root);
  try {
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    const noDialog = noDialogs(page);
    const foreign = foreignRequests(page, [origin]);
    await page.goto('/tools/renewal/?lang=en#/baseline');
    await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 20_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.scope);
    expect(scope).toBe(`${origin}/tools/renewal/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href!, page.url()).href;
    expect(manifestUrl).toBe(`${origin}/tools/renewal/manifest.webmanifest`);
    const manifest = await (await page.request.get(manifestUrl)).json();
    expect(new URL(manifest.start_url, manifestUrl).pathname).toBe('/tools/renewal/');
    expect((await page.request.get(new URL(manifest.icons[0].src, manifestUrl).href)).ok()).toBe(true);
    expect((await page.request.get(`${origin}/tools/renewal/embed.js`)).ok()).toBe(true);

    await context.setOffline(true);
    await page.goto('/tools/renewal/#/embed/baseline-air?lang=zh');
    await expect(page.getByRole('table', { name: /论文表 1/ })).toBeVisible();
    const token = tokenFor([city(0, 'Benxi', { pm25: { '2022': 27.4 } })]);
    await page.goto(`/tools/renewal/shared/link#/overview?s=${token}`);
    const row = page.getByRole('table', { name: /^Benxi: / }).getByRole('row', { name: /PM2\.5/ });
    await expect(row.getByRole('cell').first()).toHaveText('27.4 (2022)');
    // The Share panel builds links below the sub-path.
    await page.goto('/tools/renewal/?lang=en#/overview');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByLabel('View to embed').selectOption('baseline-air');
    const snippet = await page.getByLabel('HTML to paste into your page').inputValue();
    expect(snippet).toContain(`src="${origin}/tools/renewal/?lang=en#/embed/baseline-air`);
    expect(snippet).toContain(`<script src="${origin}/tools/renewal/embed.js" async></script>`);
    await context.setOffline(false);
    expect(foreign).toEqual([]);
    noDialog();
    await context.close();
  } finally {
    child.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
