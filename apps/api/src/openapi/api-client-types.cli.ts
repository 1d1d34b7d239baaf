import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { apiClientTypesPath, renderApiClientTypes, repoRoot } from './api-client-types';

// npm run api-client: rewrites libs/api-client/src/api.generated.ts from the OpenAPI document.
const root = repoRoot();
writeFileSync(apiClientTypesPath(root), renderApiClientTypes(root));
process.stdout.write(`wrote ${relative(root, apiClientTypesPath(root))}\n`);
