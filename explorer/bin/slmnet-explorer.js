#!/usr/bin/env node
// Loads the TypeScript server in-process through tsx (Node 20 cannot run .ts itself).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/server.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
