#!/usr/bin/env node
// Entry point: loads the TypeScript CLI through tsx (Node 20 cannot strip types by itself).
import { tsImport } from 'tsx/esm/api';

const { outcome } = await tsImport('./cli.ts', import.meta.url);
process.exit(await outcome(process.argv.slice(2)));
