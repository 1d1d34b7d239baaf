import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries: apps never import each other; domain libs (page-parser, entity-tagger) are pure and
 * only see libs/shared; libs/shared depends on nothing of ours. tools (CLI, infra, bench) may use anything.
 * The reader (apps/web, scope:web) sees only the typed api client: it talks to the api over HTTP like any client.
 */
export default [
  { ignores: ['**/dist', '**/node_modules', '**/.cache', '**/tmp', '**/coverage'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:shared'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:shared'] },
            { sourceTag: 'type:shared', onlyDependOnLibsWithTags: ['type:shared'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:shared', 'type:tool'] },
            { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:ingest', 'scope:shared'] },
            { sourceTag: 'scope:parser', onlyDependOnLibsWithTags: ['scope:parser', 'scope:shared'] },
            { sourceTag: 'scope:enricher', onlyDependOnLibsWithTags: ['scope:enricher', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:api-client'], notDependOnLibsWithTags: ['scope:shared', 'type:domain'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      // Config is parsed once, by the config schemas in libs/shared/src/config.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through the app config schema (libs/shared/src/config).' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The config loader and the tools that start servers are where the environment is read.
    files: ['libs/shared/src/config/**/*.ts', 'tools/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
];
