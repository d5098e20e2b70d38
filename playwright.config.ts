import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './test/e2e/support/chromium';

/**
 * End-to-end tests drive the real renderer and the real handlers through the local web host,
 * in Debian's Chromium (Playwright cannot download its own browsers on our machines).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/support/global-setup.ts',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  // Two cores: one worker keeps Chromium and the hosts from starving each other.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    viewport: { width: 1400, height: 1000 },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
});
