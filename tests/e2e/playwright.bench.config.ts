// Benchmarks in the browser (`cargo xtask bench`), kept apart from the tests: they measure and
// print, they do not assert timings. Same server and Chromium flags as playwright.config.ts.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: '**/*.bench.ts',
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  timeout: 300_000,
});
