// Fault tests (tools/chaos/**/*.chaos-spec.ts): crashes, broker restarts, store outages, bad input, shutdown,
// backpressure, re-scans, against the real servers the integration global setup starts. CHAOS_PAGES sets the
// load: `npm run test:chaos` (part of npm test) sends up to 1000 pages per test; about 13 minutes on two cores.
module.exports = {
  ...require('./jest.integration.config.js'),
  displayName: 'chaos',
  testMatch: ['<rootDir>/tools/chaos/**/*.chaos-spec.ts'],
  testTimeout: 1_800_000,
};
