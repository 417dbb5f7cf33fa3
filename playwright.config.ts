import { defineConfig } from '@playwright/test';

// Debian's chromium by default: browsers are never downloaded here (see README "Tests"). The GitHub
// workflow installs Playwright's own Chromium on every OS and sets PLAYWRIGHT_BUNDLED_CHROMIUM=1 to use it.
const bundledChromium = process.env.PLAYWRIGHT_BUNDLED_CHROMIUM === '1';

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
      ...(bundledChromium ? {} : { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }),
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
