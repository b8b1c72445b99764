// npm test's pretest: Debian's chromium is there, installed as root, or the run stops at once with
// one line giving the exact command. Simulated (paths, root and apt-get injected): nothing is
// installed or removed on this machine.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_CHROMIUM, ensureChromium, INSTALL_COMMAND } from '../../fixtures/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');

test('chromium present: nothing to do', () => {
  let installs = 0;
  expect(ensureChromium({ path: DEFAULT_CHROMIUM, exists: () => true, root: true, install: () => !!++installs })).toBeUndefined();
  expect(installs).toBe(0);
});

test('chromium missing, as root: apt-get installs it and the tests go on', () => {
  let installed = false;
  const said: string[] = [];
  const problem = ensureChromium({ path: DEFAULT_CHROMIUM, exists: () => installed, root: true, install: () => (installed = true), say: (l) => said.push(l) });
  expect(problem).toBeUndefined();
  expect(installed).toBe(true);
  expect(said).toEqual([expect.stringContaining('apt-get install chromium')]);
});

test('chromium missing, not root: one line with the exact command', () => {
  const problem = ensureChromium({ path: DEFAULT_CHROMIUM, exists: () => false, root: false, install: () => { throw new Error('must not install'); } });
  expect(problem).toBe(`npm test needs Debian's chromium at /usr/bin/chromium for the HTML report test: run  ${INSTALL_COMMAND}`);
  expect(INSTALL_COMMAND).toBe('sudo apt-get update && sudo apt-get install -y chromium');
});

test('chromium missing, as root, apt-get fails: one line with the command', () => {
  const problem = ensureChromium({ path: DEFAULT_CHROMIUM, exists: () => false, root: true, install: () => false, say: () => {} });
  expect(problem).toContain(INSTALL_COMMAND);
  expect(problem).toContain('installing it as root failed');
});

test('the pretest script stops at once, one line on stderr, exit 1', () => {
  // CC_CHROMIUM names a browser that is not there: never installed for you, so this runs the real script safely.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bin/chromium.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CC_CHROMIUM: '/no/such/chromium' } });
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual(['npm test needs Chromium at /no/such/chromium (CC_CHROMIUM) for the HTML report test: install it there, or unset CC_CHROMIUM to use Debian\'s package']);
  expect(r.stdout).toBe('');
});
