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
