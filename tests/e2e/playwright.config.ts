// The release build (dist/, or $RENEWAL_DIST) in Debian's Chromium. Playwright cannot download
// its own browser here, so it drives /usr/bin/chromium with the flags that keep it off the
// network (docs/toolchain: without them Chromium floods the closed network).
import { defineConfig } from '@playwright/test';

// RENEWAL_PORT lets two runs (or a benchmark beside the tests) share a machine.
const port = Number(process.env.RENEWAL_PORT ?? 4173);
const dist = process.env.RENEWAL_DIST ?? '../../dist';

export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node ../../web/serve.mjs "${dist}" ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
