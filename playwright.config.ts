import { defineConfig } from '@playwright/test';

// Debian's chromium only: browsers are never downloaded (see README "Tests").
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-artifacts/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
