// runtime-spec/README.md is generated from the pallet declarations and must be current.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { README_PATH, renderRuntimeDocs } from '../../scripts/runtime-docs.ts';

it('runtime-spec/README.md is up to date (run `npm run docs:runtime`)', () => {
  const doc = renderRuntimeDocs();
  for (const s of ['## Datanets (index 10)', '`contribute(', '`InferenceSettled`', '`NotInTrainingSet`', '**ModelsApi** v1']) expect(doc).toContain(s);
  expect(readFileSync(README_PATH, 'utf8')).toBe(doc);
});
