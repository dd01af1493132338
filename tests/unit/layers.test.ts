import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers, checked on the real tree's imports (lib/, entrypoints/, components/):
 *
 * (a) lib/ uses no browser API — no import of `wxt/browser`, WXT's storage, `webextension-polyfill`,
 *     and no `chrome.…` / `browser.…` in code — except lib/storage/ and lib/messaging/ (they talk to
 *     the browser for everyone else) and lib/ui/ (the clipboard).
 * (b) Only entrypoints/background/ and lib/storage/ name the API-key item (`apiKeysItem`, or its key
 *     `local:apiKeys`): no page ever touches a key.
 * (c) No import cycles in lib/, entrypoints/, components/.
 * (d) A popup feature folder (entrypoints/popup/{sessions,groups,chats,compose,account,server})
 *     imports only entrypoints/popup/shared/, components/, lib/ and itself — never another
 *     feature, nor the popup's own root files. (Packages are not the popup's files: any may be used.)
 *
 * What counts as an import: `import … from`, `import '…'`, `export … from`, `import('…')`, and
 * `import('…').Type` in a type. Type-only imports (`import type`, `export type … from`,
 * `import('…').Type`) are erased from the build (the project compiles with
 * verbatimModuleSyntax, so everything else stays), so they create no runtime cycle: rule (c)
 * leaves them out. They still count for (a), (b) and (d): a type still ties a file to another
 * layer. Dynamic `import('…')` counts for (c) too: a lazy chunk that imports its loader back
 * is still a cycle. `chrome` / `browser` in comments, strings and types do not count for (a).
 *
 * The checker is run on the real tree and on small in-memory trees that break each rule, so a
 * rule that could never fail would show here.
 */

type Rule = 'a' | 'b' | 'c' | 'd';
interface Violation {
  rule: Rule;
  file: string;
  detail: string;
  /** For a cycle: every file in it. */
  files?: string[];
}
type Tree = ReadonlyMap<string, string>;

interface Import {
  spec: string;
  /** The project file it names (posix, from the root), or undefined for a package. */
  target?: string;
  typeOnly: boolean;
}

const BROWSER_MODULES = /^(wxt\/browser|wxt\/utils\/storage|wxt\/storage|@wxt-dev\/browser|@wxt-dev\/storage|webextension-polyfill)(\/|$)/;
const BROWSER_GLOBALS = new Set(['chrome', 'browser']);
const GLOBAL_SCOPES = new Set(['globalThis', 'window', 'self']);
const FEATURES = ['sessions', 'groups', 'chats', 'compose', 'account', 'server'];
const SOURCE = /\.(ts|tsx|mts)$/;

/** A specifier as a project path (posix, from the root): '@/x', '~/x', '@@/x', '~~/x' or relative; undefined for a package. */
function resolve(tree: Tree, from: string, spec: string): string | undefined {
  const bare = spec.replace(/[?#].*$/, '');
  const alias = /^(@@|~~|@|~)(\/|$)/.exec(bare);
  let path: string;
  if (alias) path = posix.normalize(bare.slice(alias[1]!.length).replace(/^\//, '') || '.');
  else if (bare.startsWith('.')) path = posix.normalize(posix.join(posix.dirname(from), bare));
  else return undefined;
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`, `${path}/index.tsx`]) if (tree.has(candidate)) return candidate;
  return path; // a stylesheet, an image, or a file outside the checked folders
}

function parse(path: string, source: string): ts.SourceFile {
  return ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function importsOf(tree: Tree, path: string, file: ts.SourceFile): Import[] {
  const found: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => found.push({ spec, typeOnly, ...(resolve(tree, path, spec) !== undefined && { target: resolve(tree, path, spec) }) });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, node.importClause?.isTypeOnly === true);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) add(node.moduleReference.expression.text, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) add(node.arguments[0].text, false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) add(node.argument.literal.text, true);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `chrome.…` / `browser.…` (and `globalThis.chrome` …) used as values: not in comments, strings or types. */
function browserGlobalsIn(file: ts.SourceFile): string[] {
  const uses: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const target = node.expression;
      if (ts.isIdentifier(target) && BROWSER_GLOBALS.has(target.text)) uses.push(`${target.text}.${node.name.text}`);
      else if (ts.isIdentifier(target) && GLOBAL_SCOPES.has(target.text) && BROWSER_GLOBALS.has(node.name.text)) uses.push(`${target.text}.${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...new Set(uses)];
}

/** Whether the file names the API-key item: the identifier `apiKeysItem`, or its storage key in a string. */
function namesApiKeys(file: ts.SourceFile): boolean {
  let named = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'apiKeysItem') named = true;
    else if (ts.isStringLiteralLike(node) && /^(local:)?apiKeys\$?$/.test(node.text)) named = true;
    if (!named) ts.forEachChild(node, visit);
  };
  visit(file);
  return named;
}

const under = (path: string, ...folders: string[]) => folders.some((folder) => path === folder || path.startsWith(`${folder}/`));
const featureOf = (path: string) => FEATURES.find((feature) => under(path, `entrypoints/popup/${feature}`));

/** Import cycles among runtime imports: each strongly connected group of files, as one cycle path. */
function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (node: string): void => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) === order.get(node)) {
      const group: string[] = [];
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        group.push(member);
        if (member === node) break;
      }
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!order.has(node)) connect(node);
  // Each group as a readable path: from its first file (by name) along edges inside the group, back to it.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const path = [start];
    const seen = new Set([start]);
    for (let at = start; ; ) {
      const nexts = (graph.get(at) ?? []).filter((n) => members.has(n));
      const next = nexts.find((n) => n === start && path.length > 1) ?? nexts.find((n) => !seen.has(n)) ?? nexts[0]!;
      path.push(next);
      if (next === start || seen.has(next)) break;
      seen.add(next);
      at = next;
    }
    return path;
  });
}

/** Every broken rule in a tree (paths posix, from the project root; only lib/, entrypoints/, components/ are checked). */
function checkLayers(tree: Tree): Violation[] {
  const violations: Violation[] = [];
  const graph = new Map<string, string[]>();
  for (const [path, source] of [...tree].sort(([a], [b]) => a.localeCompare(b))) {
    if (!SOURCE.test(path) || !under(path, 'lib', 'entrypoints', 'components')) continue;
    const file = parse(path, source);
    const imports = importsOf(tree, path, file);

    if (under(path, 'lib') && !under(path, 'lib/storage', 'lib/messaging', 'lib/ui')) {
      for (const { spec } of imports) if (BROWSER_MODULES.test(spec)) violations.push({ rule: 'a', file: path, detail: `imports ${spec}` });
      for (const use of browserGlobalsIn(file)) violations.push({ rule: 'a', file: path, detail: `uses ${use}` });
    }

    if (!under(path, 'entrypoints/background', 'lib/storage') && namesApiKeys(file)) violations.push({ rule: 'b', file: path, detail: 'names the API-key item' });

    const feature = featureOf(path);
    if (feature) {
      for (const { spec, target } of imports) {
        if (target === undefined) continue; // a package
        const allowed = under(target, `entrypoints/popup/${feature}`, 'entrypoints/popup/shared', 'components', 'lib');
        if (!allowed) violations.push({ rule: 'd', file: path, detail: `imports ${target} (${spec})` });
      }
    }

    graph.set(path, [...new Set(imports.filter((i) => !i.typeOnly && i.target !== undefined && tree.has(i.target)).map((i) => i.target!))]);
  }
  for (const cycle of cyclesIn(graph)) violations.push({ rule: 'c', file: cycle[0]!, detail: `cycle ${cycle.join(' → ')}`, files: [...new Set(cycle)].sort() });
  return violations;
}

// ---- The real tree --------------------------------------------------------------------------

const ROOT = join(__dirname, '../..');

function readTree(): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name)) tree.set(relative(ROOT, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  for (const folder of ['lib', 'entrypoints', 'components']) walk(join(ROOT, folder));
  return tree;
}

/**
 * Known exceptions on the real tree: a violation is excused when it breaks `rule` and every file
 * it involves (the file; for a cycle, every file in it) is in `files`. Each is to be removed by
 * the owner of those files once fixed. One that no longer occurs is said in a warning, not a
 * failure, so that fixing it in a parallel branch does not break this test at merge.
 */
interface KnownException {
  rule: Rule;
  files: readonly string[];
  why: string;
}
// None today (the background's operations → live-updates → login cycle is gone).
const KNOWN_EXCEPTIONS: readonly KnownException[] = [];

const say = (v: Violation) => `${v.rule} ${v.file} ${v.detail}`;
const excused = (v: Violation) => KNOWN_EXCEPTIONS.some((e) => e.rule === v.rule && (v.files ?? [v.file]).every((f) => e.files.includes(f)));

describe('the real tree', () => {
  const tree = readTree();
  const found = checkLayers(tree);

  it('reads the whole tree', () => {
    expect(tree.size).toBeGreaterThan(150);
    expect(tree.has('entrypoints/background/index.ts')).toBe(true);
    expect(tree.has('lib/storage/items/api-keys.ts')).toBe(true);
    // The popup's lazy features are read as imports (folder imports resolved to their index).
    const popup = importsOf(tree, 'entrypoints/popup/PopupApp.tsx', parse('entrypoints/popup/PopupApp.tsx', tree.get('entrypoints/popup/PopupApp.tsx')!));
    expect(popup.map((i) => i.target)).toEqual(expect.arrayContaining(['entrypoints/popup/groups/index.tsx', 'entrypoints/popup/server/index.tsx']));
  });

  it('keeps every layer rule (apart from the known exceptions)', () => {
    expect(found.filter((v) => !excused(v)).map(say)).toEqual([]);
    const fixed = KNOWN_EXCEPTIONS.filter((e) => !found.some((v) => v.rule === e.rule && (v.files ?? [v.file]).every((f) => e.files.includes(f))));
    if (fixed.length) console.warn(`layers.test.ts: known exceptions no longer found, remove them: ${fixed.map((e) => e.why).join('; ')}`);
  });

  it('resolves every project import it reads (a misread import would hide a broken rule)', () => {
    const unresolved: string[] = [];
    for (const [path, source] of tree) {
      for (const i of importsOf(tree, path, parse(path, source))) {
        if (i.target !== undefined && !tree.has(i.target) && !/\.(css|svg|png|html|json)$/.test(i.target)) unresolved.push(`${path}: ${i.spec}`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});

// ---- The checker fails when a rule is broken ------------------------------------------------

const fixture = (files: Record<string, string>): Tree => new Map(Object.entries(files));

describe('the checker, on small trees that break each rule', () => {
  it('(a) finds a browser API in lib/, but not in lib/storage, lib/messaging, lib/ui, comments, strings or types', () => {
    const tree = fixture({
      'lib/pure.ts': "import { browser } from 'wxt/browser';\nexport const x = browser.runtime.id;",
      'lib/polyfill.ts': "import type Browser from 'webextension-polyfill';\nexport type B = Browser.Runtime.Port;",
      'lib/direct.ts': 'export const tabs = () => chrome.tabs.query({});',
      'lib/global.ts': 'export const has = () => !!(globalThis.chrome);',
      'lib/wxt-storage.ts': "import { storage } from 'wxt/utils/storage';\nexport const s = storage;",
      'lib/fine.ts': "// chrome.storage.local holds 10 MB\nexport const words = 'browser.runtime is not used here';\nexport type Port = chrome.runtime.Port;",
      'lib/storage/ok.ts': "import { browser } from 'wxt/browser';\nexport const get = () => browser.storage.local.get();",
      'lib/messaging/ok.ts': 'export const send = () => chrome.runtime.sendMessage({});',
      'lib/ui/ok.ts': "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;",
      'entrypoints/popup/ok.ts': "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;",
    });
    expect(checkLayers(tree).map(say)).toEqual([
      'a lib/direct.ts uses chrome.tabs',
      'a lib/global.ts uses globalThis.chrome',
      'a lib/polyfill.ts imports webextension-polyfill',
      'a lib/pure.ts imports wxt/browser',
      'a lib/pure.ts uses browser.runtime',
      'a lib/wxt-storage.ts imports wxt/utils/storage',
    ]);
  });

  it('(b) finds the API-key item outside the background and lib/storage, by name or by key', () => {
    const tree = fixture({
      'lib/storage/items/api-keys.ts': "export const apiKeysItem = define('local:apiKeys');",
      'lib/storage/index.ts': "export { apiKeysItem } from './items/api-keys';",
      'entrypoints/background/profiles.ts': "import { apiKeysItem } from '@/lib/storage';\nexport const k = apiKeysItem;",
      'entrypoints/popup/sessions/Leak.tsx': "import { apiKeysItem } from '@/lib/storage';\nexport const k = apiKeysItem;",
      'entrypoints/options/Sneaky.ts': "export const read = (get: (k: string) => unknown) => get('local:apiKeys');",
      'components/Type.ts': "import type { apiKeysItem } from '@/lib/storage';\nexport type T = typeof apiKeysItem;",
      'lib/words.ts': '// apiKeysItem is only for the background\nexport const apiKeys = 1;',
    });
    expect(checkLayers(tree).map(say)).toEqual([
      'b components/Type.ts names the API-key item',
      'b entrypoints/options/Sneaky.ts names the API-key item',
      'b entrypoints/popup/sessions/Leak.tsx names the API-key item',
    ]);
  });

  it('(c) finds a cycle of runtime or lazy imports, through re-exports too, but not one of type-only imports', () => {
    const tree = fixture({
      'lib/a.ts': "import { b } from './b';\nexport const a = () => b;",
      'lib/b.ts': "import { c } from '@/lib/c';\nexport const b = c;",
      'lib/c.ts': "export { a } from './a.ts';\nexport const c = 1;",
      'lib/types-a.ts': "import type { B } from './types-b';\nexport type A = B[];",
      'lib/types-b.ts': "import type { A } from './types-a';\nexport type B = { a: A; c: import('./types-a').A };",
      'entrypoints/popup/PopupApp.tsx': "export const load = () => import('./groups/index.tsx');",
      'entrypoints/popup/groups/index.tsx': "import { load } from '../PopupApp';\nexport default load;",
      'components/self.ts': "import './self';\nexport {};",
      'lib/tree-a.ts': "import './tree-b';",
      'lib/tree-b.ts': "import { x } from 'some-package';\nexport const y = x;",
    });
    expect(checkLayers(tree).filter((v) => v.rule === 'c').map(say)).toEqual([
      'c components/self.ts cycle components/self.ts → components/self.ts',
      'c entrypoints/popup/PopupApp.tsx cycle entrypoints/popup/PopupApp.tsx → entrypoints/popup/groups/index.tsx → entrypoints/popup/PopupApp.tsx',
      'c lib/a.ts cycle lib/a.ts → lib/b.ts → lib/c.ts → lib/a.ts',
    ]);
  });

  it('(d) finds a popup feature importing another feature or the popup root, not shared/, components/, lib/, itself or a package', () => {
    const tree = fixture({
      'entrypoints/popup/groups/GroupsView.tsx': [
        "import { useState } from 'react';",
        "import { store } from '../shared/store';",
        "import { Dialog } from '@/components/ConfirmDialog';",
        "import { readGroupList } from '../../../lib/answers/groups';",
        "import { useGroup } from './use-group';",
        "import './groups.css';",
        "import { ChatView } from '../chats/ChatView';",
        "import type { Draft } from '@/entrypoints/popup/compose/fields';",
        "import { Header } from '../Header';",
        "import { menu } from '@/entrypoints/menu-action/groups';",
        "const lazy = () => import('../account/index.tsx');",
      ].join('\n'),
      'entrypoints/popup/groups/use-group.ts': 'export const useGroup = 1;',
      'entrypoints/popup/shared/store.ts': "import { x } from '../groups/use-group';\nexport const store = x;",
      'entrypoints/popup/chats/ChatView.tsx': 'export const ChatView = 1;',
      'entrypoints/popup/compose/fields.tsx': 'export type Draft = 1;',
      'entrypoints/popup/account/index.tsx': 'export default 1;',
      'entrypoints/popup/Header.tsx': 'export const Header = 1;',
      'entrypoints/menu-action/groups.ts': 'export const menu = 1;',
      'components/ConfirmDialog.tsx': 'export const Dialog = 1;',
      'lib/answers/groups.ts': 'export const readGroupList = 1;',
    });
    expect(checkLayers(tree).filter((v) => v.rule === 'd').map(say)).toEqual([
      'd entrypoints/popup/groups/GroupsView.tsx imports entrypoints/popup/chats/ChatView.tsx (../chats/ChatView)',
      'd entrypoints/popup/groups/GroupsView.tsx imports entrypoints/popup/compose/fields.tsx (@/entrypoints/popup/compose/fields)',
      'd entrypoints/popup/groups/GroupsView.tsx imports entrypoints/popup/Header.tsx (../Header)',
      'd entrypoints/popup/groups/GroupsView.tsx imports entrypoints/menu-action/groups.ts (@/entrypoints/menu-action/groups)',
      'd entrypoints/popup/groups/GroupsView.tsx imports entrypoints/popup/account/index.tsx (../account/index.tsx)',
    ]);
  });
});
