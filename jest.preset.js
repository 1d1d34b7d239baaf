// Shared by every project's jest config: swc for speed (with decorator metadata, which Nest needs)
// and the same @baoxun/* path aliases as tsconfig.base.json.
const path = require('node:path');

const swcOptions = {
  // .swcrc is the build's (it skips spec files); tests configure swc here.
  swcrc: false,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const lib = (name) => path.join(__dirname, 'libs', name, 'src', '$1');

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@baoxun/shared/(.*)$': lib('shared'),
    '^@baoxun/page-parser/(.*)$': lib('page-parser'),
    '^@baoxun/entity-tagger/(.*)$': lib('entity-tagger'),
    '^@baoxun/lexical-analyzer/(.*)$': lib('lexical-analyzer'),
    '^@baoxun/api-client/(.*)$': lib('api-client'),
  },
};
