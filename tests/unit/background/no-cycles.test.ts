import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cyclesIn, edges, projectInMemory, projectOnDisk, readGraph, readModule, type Project } from '../../support/import-graph';

/**
 * The background's module graph stays layered: handler modules (those that put handlers in the
 * router or hook the worker up at start) import leaves, and only index.ts imports handler
 * modules. So a leaf never pulls a concern's start-up in, and no import cycle can form, in which
 * a module would see another half-initialised (an undefined import at the time a listener is
 * added). Imports are read with TypeScript's parser (tests/support/import-graph.ts):
 * `import … from`, `import type`, `export … from`, `import x = require()`, dynamic `import()` and
 * `typeof import()`, and the imports of lib/ files the background uses are followed too, so a
 * cycle through lib/ is found as well. Every kind counts for the handler rule; a type-only import
 * is erased from the build, so it makes no cycle (as that module decides for every graph test).
 */

const ROOT = join(__dirname, '../../..');
const SCOPE = 'entrypoints/background/';
const ENTRY = `${SCOPE}index.ts`;

/** The registry's own function: putting a handler in it is what makes a handler module. */
const REGISTRY_FUNCTION = 'registerHandler';
const isRegisterName = (name: string) => /^register[A-Z0-9_]/.test(name) && name !== REGISTRY_FUNCTION;

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Whether the module is a handler module: it calls registerHandler, or exports a register… function. */
function isHandler(file: ts.SourceFile): boolean {
  let handler = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === REGISTRY_FUNCTION) handler = true;
    if (ts.isFunctionDeclaration(node) && isExported(node) && node.name && isRegisterName(node.name.text)) handler = true;
    if (ts.isVariableStatement(node) && isExported(node)) {
      for (const declaration of node.declarationList.declarations) if (ts.isIdentifier(declaration.name) && isRegisterName(declaration.name.text)) handler = true;
    }
    if (ts.isExportSpecifier(node) && isRegisterName(node.name.text)) handler = true;
    if (!handler) ts.forEachChild(node, visit);
  };
  visit(file);
  return handler;
}

/**
 * Everything wrong with the graph of the modules in `scope`, read from `startFiles` on (paths
 * relative to the project, `/`-separated): import cycles through any of them, handler modules
 * imported by anything but `entry`, and local imports that name no file.
 */
function graphProblems(startFiles: readonly string[], project: Project, scope = SCOPE, entry = ENTRY): string[] {
  const problems: string[] = [];
  const modules = readGraph(project, startFiles);
  for (const { path, imports } of modules.values()) {
    if (!path.startsWith(scope)) continue;
    for (const { spec, target, found } of imports) if (target !== undefined && !found) problems.push(`${path} imports “${spec}”, which names no file`);
  }
  // Any import of a handler module counts here, a type-only one too: it ties the importer to it.
  const handlers = new Set([...modules.values()].filter((m) => m.path.startsWith(scope) && isHandler(m.file)).map((m) => m.path));
  for (const [from, targets] of edges(modules, 'all')) {
    for (const to of targets) if (handlers.has(to) && from !== entry) problems.push(`${from} imports the handler module ${to}: only ${entry} may`);
  }
  // Runtime and dynamic imports only: a type-only import makes no cycle (see import-graph.ts).
  for (const cycle of cyclesIn(edges(modules))) {
    if (cycle.some((path) => path.startsWith(scope))) problems.push(`import cycle: ${cycle.join(' → ')}`);
  }
  return problems;
}

// ---- The checker itself, on small in-memory projects ----------------------------------------

const fixture = projectInMemory;
const bg = (name: string) => `${SCOPE}${name}`;

describe('the module-graph check', () => {
  it('passes a layered graph: index imports handlers, handlers import leaves', () => {
    const files = {
      [bg('index.ts')]: "import { registerA } from './a';\nimport { registerB } from '@/entrypoints/background/b';\nregisterA(); registerB();",
      [bg('a.ts')]: "import { registerHandler } from './registry';\nimport { helper } from './leaf';\nexport function registerA() { registerHandler('x', helper); }",
      [bg('b.ts')]: "import type { Shape } from './leaf';\nexport const registerB = (): Shape | void => undefined;",
      [bg('leaf.ts')]: "import { util } from '@/lib/util';\nexport type Shape = string;\nexport const helper = util;",
      [bg('registry.ts')]: 'export function registerHandler(type: string, handler: unknown) { void type; void handler; }',
      'lib/util.ts': "import { browser } from 'wxt/browser';\nexport const util = () => browser;",
    };
    expect(graphProblems([bg('index.ts')], fixture(files))).toEqual([]);
  });

  it('finds a cycle of plain imports, and names it', () => {
    const files = {
      [bg('index.ts')]: "import './a';",
      [bg('a.ts')]: "import { b } from './b';\nexport const a = () => b;",
      [bg('b.ts')]: "import { a } from './a';\nexport const b = () => a;",
    };
    expect(graphProblems([bg('index.ts')], fixture(files))).toEqual([`import cycle: ${bg('a.ts')} → ${bg('b.ts')} → ${bg('a.ts')}`]);
  });

  it('finds cycles made by export … from, dynamic import() and through lib/, but not one of import type and typeof import()', () => {
    const files = {
      [bg('index.ts')]: "import './a';\nimport './c';\nimport './e';",
      [bg('a.ts')]: "export * from './b';",
      [bg('b.ts')]: "export async function load() { return import('./a'); }",
      [bg('c.ts')]: "import type { D } from './d';\nexport type C = D;",
      [bg('d.ts')]: "export type D = typeof import('./c');",
      [bg('e.ts')]: "import { f } from '@/lib/f';\nexport const e = f;",
      'lib/f.ts': "import { e } from '../entrypoints/background/e';\nexport const f = () => e;",
    };
    const problems = graphProblems([bg('index.ts')], fixture(files));
    expect(problems).toHaveLength(2);
    expect(problems).toContain(`import cycle: ${bg('a.ts')} → ${bg('b.ts')} → ${bg('a.ts')}`);
    expect(problems.join('\n')).not.toContain(bg('c.ts')); // types only: erased from the build
    expect(problems).toContain(`import cycle: ${bg('e.ts')} → lib/f.ts → ${bg('e.ts')}`);
  });

  it('finds a module importing itself', () => {
    const files = { [bg('index.ts')]: "import './a';", [bg('a.ts')]: "export * from './a.ts';" };
    expect(graphProblems([bg('index.ts')], fixture(files))).toEqual([`import cycle: ${bg('a.ts')} → ${bg('a.ts')}`]);
  });

  it('refuses a handler module imported by anything but index.ts, whichever way it is a handler', () => {
    const files = {
      [bg('index.ts')]: "import './calls'; import './exports'; import './renamed'; import './user';",
      [bg('calls.ts')]: "import { registerHandler } from './registry';\nregisterHandler('x', async () => ({ ok: true }));",
      [bg('exports.ts')]: 'export function registerThings(): void {}',
      [bg('renamed.ts')]: 'function start(): void {}\nexport { start as registerStart };',
      [bg('user.ts')]: "import './calls';\nimport { registerThings } from './exports';\nimport { registerStart } from './renamed';\nimport { registerHandler } from './registry';\nvoid registerThings; void registerStart; void registerHandler;",
      [bg('registry.ts')]: 'export function registerHandler(type: string, handler: unknown): void { void type; void handler; }',
    };
    expect(graphProblems([bg('index.ts')], fixture(files)).sort()).toEqual(
      [
        `${bg('user.ts')} imports the handler module ${bg('calls.ts')}: only ${ENTRY} may`,
        `${bg('user.ts')} imports the handler module ${bg('exports.ts')}: only ${ENTRY} may`,
        `${bg('user.ts')} imports the handler module ${bg('renamed.ts')}: only ${ENTRY} may`,
      ].sort(),
    );
  });

  it('reads code, not text: imports named in comments and strings are no imports', () => {
    const files = {
      [bg('index.ts')]: "import './a';",
      [bg('a.ts')]: "// import { b } from './b';\n/* export * from './b'; */\nexport const text = \"import './b'\";\nexport const template = `${'import(\"./b\")'}`;",
      [bg('b.ts')]: "import './a';",
    };
    expect(graphProblems([bg('index.ts')], fixture(files))).toEqual([]);
  });

  it('says when a local import names no file (rather than passing by not seeing it)', () => {
    const files = { [bg('index.ts')]: "import './gone';\nimport '@/lib/missing';\nimport 'some-package';" };
    expect(graphProblems([bg('index.ts')], fixture(files))).toEqual([
      `${bg('index.ts')} imports “./gone”, which names no file`,
      `${bg('index.ts')} imports “@/lib/missing”, which names no file`,
    ]);
  });
});

// ---- The background as it is ---------------------------------------------------------------

describe('the background', () => {
  const project = projectOnDisk(ROOT);
  const files = project.list(SCOPE);

  it('has no import cycle, and only index.ts imports handler modules', () => {
    expect(files).toContain(ENTRY);
    expect(graphProblems(files, project)).toEqual([]);
  });

  it('index.ts composes every handler module, and only those', () => {
    const handlers = files.filter((path) => isHandler(readModule(project, path)!.file)).sort();
    const composed = readModule(project, ENTRY)!
      .imports.filter((i) => i.found && i.target!.startsWith(SCOPE))
      .map((i) => i.target!)
      .sort();
    // A sanity check that the reading sees them at all: the router and the jobs are handlers.
    expect(handlers).toEqual(expect.arrayContaining([`${SCOPE}router.ts`, `${SCOPE}jobs.ts`]));
    expect(composed).toEqual(handlers);
  });
});
