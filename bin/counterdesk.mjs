#!/usr/bin/env node
// CounterDesk command line: runs the TypeScript CLI through tsx (same core as the app).
import { register } from 'tsx/esm/api';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Output piped into a reader that stops early (`counterdesk methods | head -1`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

register();
const here = dirname(fileURLToPath(import.meta.url));
const { runCli } = await import(pathToFileURL(join(here, '..', 'core', 'cli', 'main.ts')).href);
process.exitCode = await runCli(process.argv.slice(2));
