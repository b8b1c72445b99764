// Runs the command line as a user would, for the self-tests. Asynchronous, so that a mock served
// by the test process itself keeps answering while the command runs.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export async function cli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/cognito-conformance.js', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  return { code, stdout, stderr: stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}
