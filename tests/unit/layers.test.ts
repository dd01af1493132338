import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cyclesIn, edges, projectInMemory, projectOnDisk, readGraph, readModule, type Project } from '../support/import-graph';

/**
 * The layers, checked on the real tree's imports (lib/, entrypoints/, components/):
 *
 * (a) lib/ uses no browser API — no import of `wxt/browser`, WXT's storage, `webextension-polyfill`,
 *     and no `chrome.…` / `browser.…` in code — except lib/storage/ and lib/messaging/ (they talk to
 *     the browser for everyone else), lib/browser/ (host access) and lib/ui/ (the clipboard, the theme) and lib/i18n/ (the browser's i18n).
 * (b) Only entrypoints/background/ and lib/storage/ name the API-key item (`apiKeysItem`, or its key
 *     `local:apiKeys`): no page ever touches a key.
 * (c) No import cycles in lib/, entrypoints/, components/.
 * (d) A popup feature folder (entrypoints/popup/{sessions,session-tools,groups,chats,compose,account,server})
 *     imports only entrypoints/popup/shared/, components/, lib/ and itself — never another
 *     feature, nor the popup's own root files. (Packages are not the popup's files: any may be used.)
 *
 * Imports are read by tests/support/import-graph.ts (import/export from, `import x = require()`,
 * dynamic `import()`, and `import('…').Type` in a type), which also decides how type-only ones
 * count: they are erased from the build, so they create no runtime cycle and rule (c) leaves them
 * out. They still count for (a), (b) and (d): a type still ties a file to another layer. Dynamic
 * `import('…')` counts for (c) too: a lazy chunk that imports its loader back is still a cycle.
 * `chrome` / `browser` in comments, strings and types do not count for (a).
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

const BROWSER_MODULES = /^(wxt\/browser|wxt\/utils\/storage|wxt\/storage|@wxt-dev\/browser|@wxt-dev\/storage|webextension-polyfill)(\/|$)/;
const BROWSER_GLOBALS = new Set(['chrome', 'browser']);
const GLOBAL_SCOPES = new Set(['globalThis', 'window', 'self']);
const FEATURES = ['sessions', 'session-tools', 'groups', 'chats', 'compose', 'account', 'server', 'all-servers'];
const CHECKED = ['lib', 'entrypoints', 'components'];

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

/** Every broken rule in a project (paths posix, from the project root; only lib/, entrypoints/, components/ are checked). */
function checkLayers(project: Project): Violation[] {
  const violations: Violation[] = [];
  const graph = readGraph(project, project.list(...CHECKED), (path) => under(path, ...CHECKED));
  for (const { path, file, imports } of graph.values()) {
    if (under(path, 'lib') && !under(path, 'lib/storage', 'lib/messaging', 'lib/browser', 'lib/ui', 'lib/i18n')) {
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
  }
  // Runtime and dynamic imports only: a type-only import makes no cycle (see import-graph.ts).
  for (const cycle of cyclesIn(edges(graph))) violations.push({ rule: 'c', file: cycle[0]!, detail: `cycle ${cycle.join(' → ')}`, files: [...new Set(cycle)].sort() });
  return violations;
}

// ---- The real tree --------------------------------------------------------------------------

const ROOT = join(__dirname, '../..');

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
  const project = projectOnDisk(ROOT);
  const files = project.list(...CHECKED);
  const found = checkLayers(project);

  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files).toContain('entrypoints/background/index.ts');
    expect(files).toContain('lib/storage/items/api-keys.ts');
    // The popup's lazy features are read as imports (folder imports resolved to their index), from its feature map.
    const popup = readModule(project, 'entrypoints/popup/features.ts')!.imports;
    expect(popup.map((i) => i.target)).toEqual(expect.arrayContaining(['entrypoints/popup/groups/index.tsx', 'entrypoints/popup/server/index.tsx']));
  });

  it('knows every popup feature folder (a new one falls under rule d at once)', () => {
    const folders = readdirSync(join(ROOT, 'entrypoints/popup'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'shared').map((e) => e.name);
    expect(folders.sort()).toEqual([...FEATURES].sort());
  });

  it('keeps every layer rule (apart from the known exceptions)', () => {
    expect(found.filter((v) => !excused(v)).map(say)).toEqual([]);
    const fixed = KNOWN_EXCEPTIONS.filter((e) => !found.some((v) => v.rule === e.rule && (v.files ?? [v.file]).every((f) => e.files.includes(f))));
    if (fixed.length) console.warn(`layers.test.ts: known exceptions no longer found, remove them: ${fixed.map((e) => e.why).join('; ')}`);
  });

  it('resolves every project import it reads (a misread import would hide a broken rule)', () => {
    const unresolved: string[] = [];
    for (const path of files) {
      for (const i of readModule(project, path)!.imports) {
        if (i.target !== undefined && !i.found && !/\.(css|svg|png|html|json)$/.test(i.target)) unresolved.push(`${path}: ${i.spec}`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});

// ---- The checker fails when a rule is broken ------------------------------------------------

const fixture = projectInMemory;

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
