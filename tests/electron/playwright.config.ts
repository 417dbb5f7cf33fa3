import { defineConfig } from '@playwright/test';

// The desktop app under Electron (tests/electron), apart from the browser-mode e2e suite (root config,
// tests/e2e). No browser is launched through `use`: each spec starts the Electron binary itself. Where the
// binary or the built app is missing (e.g. the Electron download is blocked), every test is listed as
// skipped with the reason (electron-app.ts; skip-reason-reporter.ts prints it). On GitHub Actions they run,
// and a missing Electron fails them instead.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-artifacts/electron',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // The list, then one line per skip reason (the list reporter does not print it).
  reporter: [['list'], ['./skip-reason-reporter.ts']],
});
