#!/usr/bin/env node
// Runs a TypeScript script of this repository through tsx (used by `npm run bench`).
import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';

await tsImport(pathToFileURL(process.argv[2]).href, import.meta.url);
