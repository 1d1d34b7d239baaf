import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildOpenApiDocument } from './openapi.document';

// The typed client's types (libs/api-client) are generated from this document by openapi-typescript and checked
// in, so the client, the tests and the bench that use it see an API change as a type error. A spec beside this
// file regenerates them and fails when the checked-in file is stale.

export function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error('repository root not found');
}

export const apiClientTypesPath = (root = repoRoot()) => join(root, 'libs', 'api-client', 'src', 'api.generated.ts');

const HEADER = `// Generated from the api's OpenAPI document (apps/api/src/openapi) by openapi-typescript: do not edit.
// Regenerate with \`npm run api-client\`; apps/api/src/openapi/api-client-types.spec.ts fails while this is stale.
`;

/** The document as the api serves it with its default settings (MAX_PAGE_SIZE 100, reads without a key). */
export function renderApiClientTypes(root = repoRoot()): string {
  const work = mkdtempSync(join(tmpdir(), 'baoxun-api-types-'));
  try {
    const input = join(work, 'openapi.json');
    const output = join(work, 'api.generated.ts');
    writeFileSync(input, JSON.stringify(buildOpenApiDocument({ MAX_PAGE_SIZE: 100, READS_REQUIRE_API_KEY: false }), null, 2));
    const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    // --default-non-nullable false: a query parameter with a default stays optional for the caller.
    const result = spawnSync(process.execPath, [cli, input, '--output', output, '--default-non-nullable', 'false'], { cwd: work, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openapi-typescript failed (exit ${result.status}):\n${result.stderr}`);
    return HEADER + readFileSync(output, 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
