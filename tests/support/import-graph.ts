import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/**
 * The project's import graph, read with TypeScript's parser, for the tests that check how modules
 * depend on each other (tests/unit/layers.test.ts, tests/unit/background/no-cycles.test.ts).
 * Paths are posix, from the project root.
 *
 * What counts as an import, and its kind:
 * - 'runtime': `import … from '…'`, `import '…'`, `export … from '…'`, `import x = require('…')`;
 * - 'type-only': `import type …`, `export type … from`, `import type x = require()`, and
 *   `import('…').T` / `typeof import('…')` in a type;
 * - 'dynamic': a call `import('…')` with a string.
 * Imports in comments and strings are none: the code is parsed, not searched.
 *
 * How type-only imports count, decided here once: the project compiles with verbatimModuleSyntax,
 * so a type-only import is erased from the build and everything else stays (`import { type A }
 * from` is kept as a side-effect import: it is 'runtime'). So a type-only import makes no runtime
 * cycle: `edges(graph)` and so `cyclesIn` leave it out. A dynamic import does make one (a lazy
 * chunk that imports its loader back is still a cycle). For every rule about which file may name
 * which (a layer, a handler module), type-only imports still count: a type still ties one file to
 * another, and `readGraph` follows them.
 */

export type ImportKind = 'runtime' | 'type-only' | 'dynamic';

export interface Import {
  /** The specifier as written. */
  spec: string;
  kind: ImportKind;
  /** For a project specifier, the file it names (see `resolve`); undefined for a package. */
  target?: string;
  /** Whether `target` is a source file of the project. */
  found: boolean;
}

export interface Module {
  path: string;
  file: ts.SourceFile;
  imports: Import[];
}

/** Where the sources come from: the disk or an in-memory fixture. */
export interface Project {
  /** The text of a source file (.ts, .tsx, .mts), or undefined when there is no such file. */
  read(path: string): string | undefined;
  /** Every source file under the folders (all of them when none is given), sorted. */
  list(...folders: string[]): string[];
}

const SOURCE = /\.(ts|tsx|mts)$/;
const under = (path: string, folders: readonly string[]) =>
  folders.length === 0 || folders.map((folder) => folder.replace(/\/$/, '')).some((folder) => path === folder || path.startsWith(`${folder}/`));

/** The project below `root`, read lazily and once per file. */
export function projectOnDisk(root: string): Project {
  const cache = new Map<string, string | undefined>();
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return SOURCE.test(entry.name) ? [path] : [];
    });
  return {
    read(path) {
      if (!cache.has(path)) {
        const full = join(root, path);
        cache.set(path, SOURCE.test(path) && existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined);
      }
      return cache.get(path);
    },
    list: (...folders) => (folders.length ? folders : ['.']).flatMap((folder) => (existsSync(join(root, folder)) ? walk(folder) : [])).sort(),
  };
}

/** A small project held in memory, for a fixture: path → source. */
export function projectInMemory(files: Record<string, string>): Project {
  return {
    read: (path) => (SOURCE.test(path) && Object.hasOwn(files, path) ? files[path] : undefined),
    list: (...folders) => Object.keys(files).filter((path) => SOURCE.test(path) && under(path, folders)).sort(),
  };
}

export function parse(path: string, source: string): ts.SourceFile {
  return ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The imports written in a file, in order, unresolved. */
export function importsIn(file: ts.SourceFile): { spec: string; kind: ImportKind }[] {
  const found: { spec: string; kind: ImportKind }[] = [];
  const add = (spec: string, kind: ImportKind) => found.push({ spec, kind });
  const typeOr = (typeOnly: boolean | undefined): ImportKind => (typeOnly ? 'type-only' : 'runtime');
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, typeOr(node.importClause?.isTypeOnly));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, typeOr(node.isTypeOnly));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) add(node.moduleReference.expression.text, typeOr(node.isTypeOnly));
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) add(node.arguments[0].text, 'dynamic');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) add(node.argument.literal.text, 'type-only');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * The file a specifier names, as TypeScript and the bundler find it: the aliases '@/', '~/', '@@/',
 * '~~/' (and bare '@', '~', '@@', '~~') name the project root (.wxt/tsconfig.json); './' and '../'
 * are relative to `from`; a '?query' or '#hash' is dropped. Tried in turn: the path itself, with
 * .ts / .tsx, a '.js' written for a '.ts', and the folder's index.ts / index.tsx. `found` says
 * whether one is a source file; if none is, `target` is the path as written (a stylesheet, an
 * image, a missing file). A package (anything else) has no target.
 */
export function resolve(project: Project, from: string, spec: string): { target?: string; found: boolean } {
  const bare = spec.replace(/[?#].*$/, '');
  const alias = /^(@@|~~|@|~)(\/|$)/.exec(bare);
  let path: string;
  if (alias) path = posix.normalize(bare.slice(alias[1]!.length).replace(/^\//, '') || '.');
  else if (bare === '.' || bare === '..' || bare.startsWith('./') || bare.startsWith('../')) path = posix.normalize(posix.join(posix.dirname(from), bare));
  else return { found: false };
  const js = /\.(m?)js(x?)$/.exec(path);
  const candidates = [path, `${path}.ts`, `${path}.tsx`, ...(js ? [path.slice(0, -js[0].length) + `.${js[1]}ts${js[2]}`] : []), posix.join(path, 'index.ts'), posix.join(path, 'index.tsx')];
  const target = candidates.find((candidate) => project.read(candidate) !== undefined);
  return target === undefined ? { target: path, found: false } : { target, found: true };
}

/** A source file of the project, parsed, with its imports resolved; undefined when there is no such file. */
export function readModule(project: Project, path: string): Module | undefined {
  const source = project.read(path);
  if (source === undefined) return undefined;
  const file = parse(path, source);
  return { path, file, imports: importsIn(file).map(({ spec, kind }) => ({ spec, kind, ...resolve(project, path, spec) })) };
}

/**
 * The modules reached from `start` (files that do not exist are skipped), following every import
 * that names a source file, type-only ones too, into files for which `follow` holds. In the order
 * they were reached.
 */
export function readGraph(project: Project, start: readonly string[], follow: (path: string) => boolean = () => true): Map<string, Module> {
  const modules = new Map<string, Module>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (modules.has(path)) continue;
    const module = readModule(project, path);
    if (!module) continue;
    modules.set(path, module);
    for (const { target, found } of module.imports) if (found && follow(target!) && !modules.has(target!)) queue.push(target!);
  }
  return modules;
}

/**
 * From each module, the modules of the graph it imports (each once, in import order): by default
 * the runtime and dynamic imports only — what can make a cycle at run time —, with 'all' the
 * type-only ones too.
 */
export function edges(modules: ReadonlyMap<string, Module>, include: 'runtime' | 'all' = 'runtime'): Map<string, string[]> {
  const counted = (i: Import) => i.found && modules.has(i.target!) && (include === 'all' || i.kind !== 'type-only');
  return new Map([...modules].map(([path, module]) => [path, [...new Set(module.imports.filter(counted).map((i) => i.target!))]]));
}

/**
 * The import cycles: one for each strongly connected group of files that has one (Tarjan's
 * algorithm), as a readable path — from the group's first file by name, along the shortest way
 * inside the group, back to it: [a, b, c, a]; a file that imports itself, [a, a]. Sorted by that
 * first file.
 */
export function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: Set<string>[] = [];
  const connect = (node: string): void => {
    order.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) !== order.get(node)) return;
    const group = new Set<string>();
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      group.add(member);
      if (member === node) break;
    }
    if (group.size > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
  };
  for (const node of [...graph.keys()].sort()) if (!order.has(node)) connect(node);
  return groups.map((group) => shortestWayBack(graph, group, [...group].sort()[0]!)).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** The shortest path from `start` back to it, inside one strongly connected group (breadth first). */
function shortestWayBack(graph: ReadonlyMap<string, readonly string[]>, group: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [node, start];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  throw new Error(`${start} is in no cycle of its group`); // a strongly connected group always has one
}
