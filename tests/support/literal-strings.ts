import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Words written straight into a component instead of coming from the catalogs: JSX text with
 * letters, a string given to an attribute people see or hear (aria-label, title, placeholder,
 * alt, label), and a string literal placed as a JSX child, directly or as a branch of a
 * condition (`{busy ? 'Saving…' : 'Save'}`). Strings passed to a function (`t('key')`), class
 * names and other attributes are code, not words.
 */

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
const WORDS = /\p{L}{2,}/u;

export function literalStringsIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const text = (node: ts.Node) => node.getText(file).replace(/\s+/g, ' ').trim().slice(0, 60);

  /** String literals an expression shows as is: itself, or either branch of ?:, or either side of && / ||. */
  const shown = (expression: ts.Expression | undefined): void => {
    if (!expression) return;
    if (ts.isParenthesizedExpression(expression)) return shown(expression.expression);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      if (WORDS.test(expression.text)) found.push(`${at(expression)} ${text(expression)}`);
    } else if (ts.isTemplateExpression(expression)) {
      const parts = [expression.head.text, ...expression.templateSpans.map((s) => s.literal.text)].join(' ');
      if (WORDS.test(parts)) found.push(`${at(expression)} ${text(expression)}`);
    } else if (ts.isConditionalExpression(expression)) {
      shown(expression.whenTrue);
      shown(expression.whenFalse);
    } else if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(expression.operatorToken.kind)) {
      shown(expression.right);
      if (expression.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) shown(expression.left);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${at(node)} ${text(node)}`);
    else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) shown(node.expression);
    else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) {
        if (WORDS.test(node.initializer.text)) found.push(`${at(node)} ${text(node)}`);
      } else if (ts.isJsxExpression(node.initializer)) shown(node.initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const SENTENCE = /\p{L}{2,}[,:;.!?–—]?\s+[–—]?\s*\p{L}{2,}/u;

/**
 * Words written straight into logic (`lib/`, the background) that people may read: a string or
 * template of two words or more. Not words: what goes to the console (for developers), module
 * names, and a line marked `i18n-exempt` (on it or the line above, with the reason: a storage
 * key, a format the server reads, a message for developers thrown where no person sees it).
 */
export function sentencesIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = source.split('\n');
  const found: string[] = [];
  const exempt = (line: number) => /i18n-exempt/.test(lines[line] ?? '') || /i18n-exempt/.test(lines[line - 1] ?? '');
  const report = (node: ts.Node, text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line;
    if (SENTENCE.test(text) && !exempt(line)) found.push(`${fileName}:${line + 1} ${node.getText(file).replace(/\s+/g, ' ').slice(0, 60)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node) && /^console\.\w+$/.test(node.expression.getText(file))) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!ts.isPropertyAssignment(node.parent) || node.parent.name !== node) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      report(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The files under `relative` (a folder, or a file itself) whose names pass `wanted`, as paths relative to `root`. */
export function filesUnder(root: string, relative: string, wanted: (name: string) => boolean): string[] {
  const full = path.join(root, relative);
  if (fs.statSync(full).isFile()) return [relative];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(relative, entry.name);
    return entry.isDirectory() ? filesUnder(root, child, wanted) : wanted(entry.name) ? [child] : [];
  });
}
