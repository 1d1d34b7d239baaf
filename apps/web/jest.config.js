// The reader's unit tests: its pure modules (marks, search state), in node; the views are exercised in a
// real browser by tools/web-e2e.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
