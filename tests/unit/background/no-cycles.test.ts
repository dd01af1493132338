import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The background's module graph stays layered: handler modules (those that put handlers in the
 * router or hook the worker up at start) import leaves, and only index.ts imports handler
 * modules. So a leaf never pulls a concern's start-up in, and no import cycle can form, in which
 * a module would see another half-initialised (an undefined import at the time a listener is
 * added). Imports are read with TypeScript's parser: `import … from`, `import type`,
 * `export … from`, `import x = require()`, dynamic `import()` and `typeof import()` all count,
 * and the imports of lib/ files the background uses are followed too, so a cycle through lib/
 * is found as well.
 */

const ROOT = join(__dirname, '../../..');
const SCOPE = 'entrypoints/background/';
const ENTRY = `${SCOPE}index.ts`;
/** The project's path aliases (.wxt/tsconfig.json): all name the project root. */
const ALIASES = ['@@/', '~~/', '@/', '~/'];

interface ModuleFacts {
  specifiers: string[];
  /** Calls registerHandler, or exports a register… function. */
  handler: boolean;
}

/** The registry's own function: putting a handler in it is what makes a handler module. */
const REGISTRY_FUNCTION = 'registerHandler';
const isRegisterName = (name: string) => /^register[A-Z0-9_]/.test(name) && name !== REGISTRY_FUNCTION;

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function readModule(fileName: string, source: string): ModuleFacts {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  let handler = false;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === REGISTRY_FUNCTION) handler = true;
    if (ts.isFunctionDeclaration(node) && isExported(node) && node.name && isRegisterName(node.name.text)) handler = true;
    if (ts.isVariableStatement(node) && isExported(node)) {
      for (const declaration of node.declarationList.declarations) if (ts.isIdentifier(declaration.name) && isRegisterName(declaration.name.text)) handler = true;
    }
    if (ts.isExportSpecifier(node) && isRegisterName(node.name.text)) handler = true;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { specifiers, handler };
}

/** The project file a specifier names, or null for a package (undefined: local, but not found). */
function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): string | null | undefined {
  const alias = ALIASES.find((prefix) => specifier.startsWith(prefix));
  let base: string;
  if (alias) base = specifier.slice(alias.length);
  else if (specifier.startsWith('./') || specifier.startsWith('../')) base = posix.join(posix.dirname(from), specifier);
  else return null;
  base = posix.normalize(base).replace(/\.js$/, '');
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && exists(candidate));
}

/**
 * Everything wrong with the graph of the modules in `scope` (paths relative to the project,
 * `/`-separated): import cycles through any of them, handler modules imported by anything but
 * `entry`, and local imports that name no file. `read` answers a file's source (undefined: none).
 */
function graphProblems(startFiles: readonly string[], read: (path: string) => string | undefined, scope = SCOPE, entry = ENTRY): string[] {
  const problems: string[] = [];
  const modules = new Map<string, ModuleFacts>();
  const edges = new Map<string, string[]>();
  const exists = (path: string) => modules.has(path) || read(path) !== undefined;
  const queue = [...startFiles];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (modules.has(path)) continue;
    const source = read(path);
    if (source === undefined) continue;
    const facts = readModule(path, source);
    modules.set(path, facts);
    const targets: string[] = [];
    for (const specifier of facts.specifiers) {
      const target = resolveSpecifier(path, specifier, exists);
      if (target === null) continue;
      if (target === undefined) {
        if (path.startsWith(scope)) problems.push(`${path} imports “${specifier}”, which names no file`);
        continue;
      }
      targets.push(target);
      queue.push(target);
    }
    edges.set(path, [...new Set(targets)]);
  }

  for (const [from, targets] of edges) {
    for (const to of targets) {
      if (to.startsWith(scope) && modules.get(to)?.handler && from !== entry) problems.push(`${from} imports the handler module ${to}: only ${entry} may`);
    }
  }
  for (const cycle of cycles(edges)) {
    if (cycle.some((path) => path.startsWith(scope))) problems.push(`import cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  }
  return problems;
}

/** One cycle per strongly connected component that has one (Tarjan's algorithm). */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;

  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
      if (member === node) break;
    }
    if (component.size > 1 || (edges.get(node) ?? []).includes(node)) found.push(pathWithin(component, node, edges));
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) connect(node);
  return found;
}

/** A concrete cycle from `start` back to it, inside one strongly connected component. */
function pathWithin(component: ReadonlySet<string>, start: string, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of edges.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component];
}

// ---- The checker itself, on small in-memory projects ----------------------------------------

function fixture(files: Record<string, string>): (path: string) => string | undefined {
  return (path) => files[path];
}
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

  it('finds cycles made by export … from, dynamic import(), import type and through lib/', () => {
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
    expect(problems).toHaveLength(3);
    expect(problems).toContain(`import cycle: ${bg('a.ts')} → ${bg('b.ts')} → ${bg('a.ts')}`);
    expect(problems).toContain(`import cycle: ${bg('c.ts')} → ${bg('d.ts')} → ${bg('c.ts')}`);
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

function readProject(path: string): string | undefined {
  const full = join(ROOT, path);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
}

function backgroundFiles(dir = SCOPE): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory()) return backgroundFiles(`${path}/`);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the background', () => {
  const files = backgroundFiles();

  it('has no import cycle, and only index.ts imports handler modules', () => {
    expect(files).toContain(ENTRY);
    expect(graphProblems(files, readProject)).toEqual([]);
  });

  it('index.ts composes every handler module, and only those', () => {
    const handlers = files.filter((path) => readModule(path, readProject(path)!).handler).sort();
    const composed = readModule(ENTRY, readProject(ENTRY)!)
      .specifiers.map((specifier) => resolveSpecifier(ENTRY, specifier, (path) => readProject(path) !== undefined))
      .filter((path): path is string => typeof path === 'string' && path.startsWith(SCOPE))
      .sort();
    // A sanity check that the reading sees them at all: the router and the jobs are handlers.
    expect(handlers).toEqual(expect.arrayContaining([`${SCOPE}router.ts`, `${SCOPE}jobs.ts`]));
    expect(composed).toEqual(handlers);
  });
});
