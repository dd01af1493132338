import { describe, expect, it } from 'vitest';
import { cyclesIn, edges, importsIn, parse, projectInMemory, readGraph, resolve } from '../support/import-graph';

// The shared reader of tests/unit/layers.test.ts and tests/unit/background/no-cycles.test.ts, on
// the cases neither of them spells out.

describe('import-graph', () => {
  it('reads each kind of import, and none in comments or strings', () => {
    const source = [
      "import a from './a';",
      "import './side-effect';",
      "import { type T } from './kept';", // verbatimModuleSyntax keeps it as `import {} from './kept'`
      "import type { U } from './erased';",
      "export * from './re';",
      "export type * from './types';",
      "import x = require('./required');",
      "import type y = require('./required-type');",
      "const lazy = () => import('./lazy');",
      "type V = import('./in-type').V;",
      "// import './comment';",
      "const s = \"import './string'\";",
    ].join('\n');
    expect(importsIn(parse('lib/x.ts', source)).map(({ spec, kind }) => `${kind} ${spec}`)).toEqual([
      'runtime ./a',
      'runtime ./side-effect',
      'runtime ./kept',
      'type-only ./erased',
      'runtime ./re',
      'type-only ./types',
      'runtime ./required',
      'type-only ./required-type',
      'dynamic ./lazy',
      'type-only ./in-type',
    ]);
  });

  it('resolves aliases, relative paths, extensions and folder indexes; keeps the path of a missing file; leaves packages', () => {
    const project = projectInMemory({ 'lib/a.ts': '', 'lib/b.tsx': '', 'lib/c/index.ts': '', 'index.ts': '', 'lib/style.css': '' });
    const at = (spec: string, from = 'entrypoints/popup/main.ts') => resolve(project, from, spec);
    expect(at('@/lib/a')).toEqual({ target: 'lib/a.ts', found: true });
    expect(at('~~/lib/b')).toEqual({ target: 'lib/b.tsx', found: true });
    expect(at('@@/lib/c')).toEqual({ target: 'lib/c/index.ts', found: true });
    expect(at('@')).toEqual({ target: 'index.ts', found: true });
    expect(at('./a.js', 'lib/x.ts')).toEqual({ target: 'lib/a.ts', found: true });
    expect(at('../../lib/a.ts?raw')).toEqual({ target: 'lib/a.ts', found: true });
    expect(at('@/lib/style.css')).toEqual({ target: 'lib/style.css', found: false }); // not a source file
    expect(at('./gone')).toEqual({ target: 'entrypoints/popup/gone', found: false });
    expect(at('@wxt-dev/browser')).toEqual({ found: false });
    expect(at('react')).toEqual({ found: false });
  });

  it('follows imports of every kind, but only runtime and dynamic ones make edges (and so cycles)', () => {
    const project = projectInMemory({
      'a.ts': "import type { B } from './b';\nimport './gone';",
      'b.ts': "import { a } from './a';\nconst c = () => import('./c');",
      'c.ts': "import './b';",
      'outside/d.ts': "import '../a';",
    });
    const graph = readGraph(project, ['a.ts', 'missing.ts'], (path) => !path.startsWith('outside/'));
    expect([...graph.keys()]).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(edges(graph)).toEqual(new Map([['a.ts', []], ['b.ts', ['a.ts', 'c.ts']], ['c.ts', ['b.ts']]]));
    expect(edges(graph, 'all').get('a.ts')).toEqual(['b.ts']);
    expect(cyclesIn(edges(graph))).toEqual([['b.ts', 'c.ts', 'b.ts']]);
    expect(cyclesIn(edges(graph, 'all'))).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('names each cycle from its first file by name, the shortest way back, in order of that file', () => {
    const graph = new Map([
      ['z', ['z']],
      ['m', ['q']],
      ['q', ['x', 'm']],
      ['x', ['y']],
      ['y', ['m']],
      ['solo', []],
    ]);
    expect(cyclesIn(graph)).toEqual([['m', 'q', 'm'], ['z', 'z']]);
  });
});
