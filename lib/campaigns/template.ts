/**
 * Message templates with variables: `Hello {{name}}, your order {{order}} is ready`, with a
 * fallback for an empty or missing value: `{{name|there}}`. Names are matched without regard to
 * case or surrounding spaces, so a column "First Name" is `{{first name}}` too. A variable with
 * neither a value nor a fallback is an error before anything is sent, never an empty gap or a
 * literal "{{name}}" in a customer's chat.
 */

import { textsOf } from '../i18n';

const t = textsOf('tools');

const VARIABLE = /\{\{\s*([^{}|\s][^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

export interface TemplateVariable {
  name: string;
  fallback?: string;
}

const key = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): TemplateVariable[] {
  const found = new Map<string, TemplateVariable>();
  for (const match of template.matchAll(VARIABLE)) {
    const name = match[1]!.trim();
    if (!found.has(key(name))) found.set(key(name), { name, ...(match[2] !== undefined && { fallback: match[2] }) });
  }
  return [...found.values()];
}

export type Rendered = { ok: true; text: string } | { ok: false; missing: string[] };

/** The template for one recipient's values. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): Rendered {
  const byKey = new Map(Object.entries(values).map(([name, value]) => [key(name), value]));
  const missing = new Set<string>();
  const text = template.replace(VARIABLE, (_whole, name: string, fallback: string | undefined) => {
    const value = byKey.get(key(name))?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    missing.add(name.trim());
    return '';
  });
  return missing.size ? { ok: false, missing: [...missing] } : { ok: true, text };
}

/**
 * Checks a template against the columns a campaign has: a variable no column provides and with no
 * fallback is named, with the columns there are, before anything is sent.
 */
export function templateProblems(template: string, columns: readonly string[]): string[] {
  const known = new Set(columns.map(key));
  return templateVariables(template)
    .filter((variable) => variable.fallback === undefined && !known.has(key(variable.name)))
    .map((variable) => t('notColumn', { v: variable.name, columns: columns.length ? columns.join(', ') : t('none') }));
}
