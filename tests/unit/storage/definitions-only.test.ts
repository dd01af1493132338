import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The pages' build treats lib/storage/ (but page-repair.ts) and lib/schema.ts as free of side
 * effects (wxt.config.ts, `moduleSideEffects`), so a module none of a page's code uses is left
 * out of it. That holds only while those files define things and do nothing when imported: a
 * top-level statement that acts (a call, an assignment, a listener) would be dropped silently
 * from the pages. This fails on one.
 */

const ROOT = path.resolve(__dirname, '../../..');
const DECLARES = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.VariableStatement,
]);

function actingStatements(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  return file.statements
    .filter((statement) => !DECLARES.has(statement.kind) || (ts.isImportDeclaration(statement) && !statement.importClause))
    .map((statement) => `${fileName}:${file.getLineAndCharacterOfPosition(statement.getStart()).line + 1} ${statement.getText(file).slice(0, 50)}`);
}

function filesUnder(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (fs.statSync(full).isFile()) return [relative];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(relative, entry.name)) : entry.name.endsWith('.ts') ? [path.join(relative, entry.name)] : []));
}

describe('the storage layer as the pages build it', () => {
  it('only defines things when imported, but page-repair.ts', () => {
    const files = [...filesUnder('lib/storage'), 'lib/schema.ts'].filter((file) => !file.endsWith('page-repair.ts'));
    const found = files.flatMap((file) => actingStatements(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('tells a definition from a statement that acts', () => {
    const source = `import { a } from './a';\nimport './side';\nexport const item = define('x');\nfunction f() {}\nsetLoader(() => 1);\nlistener.add(f);`;
    expect(actingStatements('x.ts', source).map((line) => line.replace(/^x\.ts:\d+ /, ''))).toEqual(["import './side';", 'setLoader(() => 1);', 'listener.add(f);']);
  });

  it('is what the build config assumes', () => {
    const config = fs.readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/moduleSideEffects: \(id: string\) => !\/\[\\\\\/\]lib\[\\\\\/\]\(storage\[\\\\\/\]\(\?!page-repair\)\|schema\\\.ts\)\/\.test\(id\)/);
  });
});
