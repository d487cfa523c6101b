#!/usr/bin/env node
// Loads the TypeScript sources in-process through tsx (Node 20 cannot run .ts itself).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
await main(process.argv.slice(2));
