module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'page-parser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
