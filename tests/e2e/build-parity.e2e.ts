import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasDynamicImport, workerFiles } from '../../bench/worker-files';
import { E2E_BUILD_DIR } from './support/extension';

/**
 * The end-to-end tests and the benchmark run the e2e build; it must be the shipped build but for
 * host access to 127.0.0.1 (a headless browser cannot answer the permission prompt).
 */

const SHIPPED_DIR = path.join(E2E_BUILD_DIR, '..', 'chrome-mv3');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('the e2e build', () => {
  it('differs from the shipped build only in host access to 127.0.0.1', () => {
    // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle: build as a person would.
    const { NODE_ENV: _testEnv, WXT_E2E: _e2e, ...env } = process.env;
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env });
    expect(files(E2E_BUILD_DIR)).toEqual(files(SHIPPED_DIR));
    for (const file of files(SHIPPED_DIR).filter((f) => f !== 'manifest.json')) {
      expect(fs.readFileSync(path.join(E2E_BUILD_DIR, file)).equals(fs.readFileSync(path.join(SHIPPED_DIR, file))), file).toBe(true);
    }
    const shipped = JSON.parse(fs.readFileSync(path.join(SHIPPED_DIR, 'manifest.json'), 'utf8'));
    const e2e = JSON.parse(fs.readFileSync(path.join(E2E_BUILD_DIR, 'manifest.json'), 'utf8'));
    expect(shipped.host_permissions).toBeUndefined();
    expect(e2e.host_permissions).toEqual(['http://127.0.0.1/*']);
    delete e2e.host_permissions;
    expect(e2e).toEqual(shipped);
  });

  it('ships no test hooks in its service worker', () => {
    const worker = fs.readFileSync(path.join(SHIPPED_DIR, 'background.js'), 'utf8');
    expect(worker).not.toMatch(/warestMenuClick|warestOmnibox|e2eAddressBar/);
  });

  it('has a service worker that loads no chunk with a dynamic import(), so it can run as a module worker', () => {
    // In a module service worker import() throws: what it loads at start is all it can load.
    const loaded = workerFiles(SHIPPED_DIR);
    expect(loaded[0]).toBe('background.js');
    expect(loaded.filter((file) => hasDynamicImport(fs.readFileSync(path.join(SHIPPED_DIR, file), 'utf8')))).toEqual([]);
    // The pages do load lazily (the check would see it): their repair of damaged storage, say.
    const chunks = fs.readdirSync(path.join(SHIPPED_DIR, 'chunks')).map((chunk) => `chunks/${chunk}`);
    expect(chunks.some((file) => hasDynamicImport(fs.readFileSync(path.join(SHIPPED_DIR, file), 'utf8')))).toBe(true);
  });
});
