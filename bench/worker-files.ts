import fs from 'node:fs';
import path from 'node:path';

/**
 * The files a built module service worker loads when it wakes: background.js and every chunk it
 * imports statically, transitively (a module worker cannot load anything later: `import()`
 * throws there). For bench/sizes.ts (the worker's size) and tests/e2e/build-parity.e2e.ts (no
 * chunk of it imports lazily). Reads the bundler's minified ES output: `import … from "./x.js"`,
 * `import "./x.js"`, `export … from "./x.js"`.
 */
export function workerFiles(dir: string, entry = 'background.js'): string[] {
  const found: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (found.includes(file)) continue;
    found.push(file);
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!)));
    }
  }
  return found;
}

/** Whether a built file calls `import()` (which throws in a module service worker). */
export function hasDynamicImport(source: string): boolean {
  return /(?:^|[^\w$.])import\s*\(/.test(source);
}
