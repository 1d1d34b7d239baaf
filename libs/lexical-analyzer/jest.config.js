module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'lexical-analyzer',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testEnvironment: '<rootDir>/jest.environment.js',
};
