module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'entity-tagger',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
