// Fault tests (tools/chaos/**/*.chaos-spec.ts): crashes, broker restarts, store outages, bad input, shutdown,
// backpressure, re-scans, against the real servers the integration global setup starts. CHAOS_PAGES sets the
// load: `npm run test:chaos` sends 1000 pages per test; npm test (test:chaos:ci) runs them with 50.
module.exports = {
  ...require('./jest.integration.config.js'),
  displayName: 'chaos',
  testMatch: ['<rootDir>/tools/chaos/**/*.chaos-spec.ts'],
  testTimeout: 1_800_000,
};
