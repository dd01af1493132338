import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectOnDisk, readModule, type Module, type Project } from '../../support/import-graph';

/**
 * The service worker is kept able to run as a module service worker (entrypoints/background/
 * index.ts), where `import()` throws: nothing it loads may import lazily. It loads what its entry
 * imports at run time, so the
 * modules reached by runtime imports (not type-only ones) must hold no dynamic `import()`, and
 * none may bring in what only pages need: libphonenumber's metadata (the worker has
 * lib/phone-light.ts) and papaparse. The pages register the lazy storage repair
 * (lib/storage/page-repair.ts); each page must reach it, the worker never.
 * (tests/e2e/build-parity.e2e.ts checks the built chunks the worker loads for `import(` too.)
 */

const ROOT = join(__dirname, '../../..');
const PAGES = ['popup', 'options', 'actions', 'campaigns', 'menu-action'].map((page) => `entrypoints/${page}/main.tsx`);

/** Modules loaded with `start`: its runtime imports, followed; with every package they import. */
function loaded(project: Project, start: string): { modules: Map<string, Module>; packages: Set<string> } {
  const modules = new Map<string, Module>();
  const packages = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (modules.has(path)) continue;
    const module = readModule(project, path);
    if (!module) continue;
    modules.set(path, module);
    for (const { spec, kind, target, found } of module.imports) {
      if (kind !== 'runtime') continue;
      if (found) queue.push(target!);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec);
    }
  }
  return { modules, packages };
}

describe('what the service worker loads', () => {
  const project = projectOnDisk(ROOT);
  const worker = loaded(project, 'entrypoints/background/index.ts');

  it('holds no dynamic import()', () => {
    expect(worker.modules.size).toBeGreaterThan(50);
    const lazy = [...worker.modules.values()].flatMap((m) => m.imports.filter((i) => i.kind === 'dynamic').map((i) => `${m.path} → ${i.spec}`));
    expect(lazy).toEqual([]);
  });

  it('brings in neither libphonenumber-js nor papaparse, nor the pages’ lazy repair', () => {
    // Packages are seen at all (the browser API, the storage): the check below could fail.
    expect(worker.packages).toContain('wxt/browser');
    expect([...worker.packages].filter((p) => /^(libphonenumber-js|papaparse)(\/|$)/.test(p))).toEqual([]);
    expect(worker.modules.has('lib/storage/page-repair.ts')).toBe(false);
    expect(worker.modules.has('lib/storage/repair.ts')).toBe(true);
  });

  it('lets every page load the storage repair lazily', () => {
    for (const page of PAGES) {
      const { modules } = loaded(project, page);
      expect(modules.size, page).toBeGreaterThan(5);
      expect(modules.has('lib/storage/page-repair.ts'), page).toBe(true);
    }
  });
});
