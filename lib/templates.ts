import { renderTemplate, templateVariables, type TemplateVariable } from './campaigns/template';
import { textsOf } from './i18n';

const t = textsOf('tools');

/**
 * Saved message templates (templatesItem): the checks the templates page makes before saving,
 * finding one by the name typed after a slash (`wa <number> /<name>`), and filling its variables
 * for one message. Variables are written and rendered as in campaigns (lib/campaigns/template.ts):
 * `{{name}}`, `{{name|fallback}}`; a variable with no value and no fallback is an error, never a
 * gap or a literal "{{name}}" in someone's chat.
 */

export const MAX_TEMPLATES = 200;
export const TEMPLATE_NAME_LIMIT = 60;
export const TEMPLATE_TEXT_LIMIT = 4096;

export interface TemplateLike {
  id: string;
  name: string;
  text: string;
}

const fold = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
const WELL_FORMED = /\{\{\s*[^{}|\s][^{}|]*?\s*(?:\|[^{}]*)?\}\}/g;

export type TemplateCheck = { ok: true; name: string; text: string } | { ok: false; errors: { name?: string; text?: string } };

/** The name and text as they will be saved, or what is wrong with each. `id`: the template being edited. */
export function checkTemplate(input: { name: string; text: string }, existing: readonly TemplateLike[], id?: string): TemplateCheck {
  const errors: { name?: string; text?: string } = {};
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.name = t('tplName');
  else if (name.length > TEMPLATE_NAME_LIMIT) errors.name = t('tplNameLong', { n: name.length, max: TEMPLATE_NAME_LIMIT });
  else if (name.startsWith('/')) errors.name = t('tplSlash');
  else if (existing.some((other) => other.id !== id && fold(other.name) === fold(name))) errors.name = t('tplExists', { name });
  else if (!id && existing.length >= MAX_TEMPLATES) errors.name = t('tplMax', { max: MAX_TEMPLATES });
  const text = input.text;
  if (!text.trim()) errors.text = t('tplText');
  else if (text.length > TEMPLATE_TEXT_LIMIT) errors.text = t('tplLong', { n: text.length, max: TEMPLATE_TEXT_LIMIT });
  else if (/\{\{|\}\}/.test(text.replace(WELL_FORMED, ''))) errors.text = t('tplVar');
  return errors.name || errors.text ? { ok: false, errors } : { ok: true, name, text };
}

/** The templates in name order, for lists and pickers. */
export function byName<T extends TemplateLike>(templates: readonly T[]): T[] {
  return [...templates].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

export type TemplateLookup<T> = { ok: true; template: T } | { ok: false; message: string };

/**
 * The template a typed name means: its exact name (any case), else the only one whose name
 * starts with what was typed. Anything else is said, with the names to choose from.
 */
export function findTemplate<T extends TemplateLike>(templates: readonly T[], typed: string): TemplateLookup<T> {
  const wanted = fold(typed);
  if (!wanted) return { ok: false, message: t('tplTypeName') };
  const exact = templates.find((one) => fold(one.name) === wanted);
  if (exact) return { ok: true, template: exact };
  const starting = byName(templates).filter((one) => fold(one.name).startsWith(wanted));
  if (starting.length === 1) return { ok: true, template: starting[0]! };
  if (starting.length > 1) return { ok: false, message: t('tplSeveral', { typed: typed.trim(), names: starting.map((one) => one.name).join(', ') }) };
  if (templates.length === 0) return { ok: false, message: t('tplNone') };
  const names = `${byName(templates).map((one) => one.name).slice(0, 10).join(', ')}${templates.length > 10 ? ', …' : ''}`;
  return { ok: false, message: t('tplNoName', { typed: typed.trim(), names }) };
}

/** Templates whose names start with (or contain) what was typed, best first. */
export function matchingTemplates<T extends TemplateLike>(templates: readonly T[], typed: string): T[] {
  const wanted = fold(typed);
  const sorted = byName(templates);
  if (!wanted) return sorted;
  return [...sorted.filter((t) => fold(t.name).startsWith(wanted)), ...sorted.filter((t) => !fold(t.name).startsWith(wanted) && fold(t.name).includes(wanted))];
}

/** The variables a text uses (see templateVariables), in order of first use. */
export function variablesOf(text: string): TemplateVariable[] {
  return templateVariables(text);
}

export type Filled = { ok: true; text: string } | { ok: false; error: string; missing: string[] };

/** The text with its variables filled in; a variable with no value and no fallback is an error that names it. */
export function fillVariables(text: string, values: Readonly<Record<string, string>>): Filled {
  const rendered = renderTemplate(text, values);
  if (rendered.ok) return rendered;
  const names = rendered.missing.map((name) => `{{${name}}}`).join(', ');
  return {
    ok: false,
    missing: rendered.missing,
    error: t.count('fillIn', rendered.missing.length, { names, v: rendered.missing[0]! }),
  };
}

/**
 * A template put into a message being written: it replaces the selected part (or goes where the
 * cursor is); without a selection it goes at the end, on a line of its own; into an empty
 * message it is the message.
 */
export function insertTemplate(current: string, template: string, selection?: { start: number; end: number }): { text: string; cursor: number } {
  if (!current.trim()) return { text: template, cursor: template.length };
  if (!selection) {
    // At the end, on a line of its own.
    const joined = /\s$/.test(current) ? current + template : `${current}\n${template}`;
    return { text: joined, cursor: joined.length };
  }
  const start = Math.max(0, Math.min(selection?.start ?? current.length, current.length));
  const end = Math.max(start, Math.min(selection?.end ?? start, current.length));
  return { text: current.slice(0, start) + template + current.slice(end), cursor: start + template.length };
}

/** The list with a template added or changed (by id). */
export function withTemplate<T extends TemplateLike & { createdAt: number; updatedAt: number }>(templates: readonly T[], saved: { id: string; name: string; text: string }, now: number): T[] {
  const index = templates.findIndex((t) => t.id === saved.id);
  if (index < 0) return [...templates, { ...saved, createdAt: now, updatedAt: now } as T];
  const copy = [...templates];
  copy[index] = { ...copy[index]!, name: saved.name, text: saved.text, updatedAt: now };
  return copy;
}
