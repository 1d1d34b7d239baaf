module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'parser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
