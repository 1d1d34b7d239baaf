// Integration tests: real nats-server (JetStream) and a real MongoDB-compatible store (FerretDB), started once
// by the global setup (or taken from NATS_URL / MONGO_URL). Files run one at a time: they share the servers,
// and the machine has two cores.
module.exports = {
  ...require('./jest.preset.js'),
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/tools/testing/integration-global-setup.ts',
  globalTeardown: '<rootDir>/tools/testing/integration-global-teardown.ts',
  testTimeout: 180_000,
  maxWorkers: 1,
};
