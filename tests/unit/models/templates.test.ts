import { describe, expect, it } from 'vitest';
import { messageIntent, templateDefaultSuggestion, templateSuggestions } from '@/lib/omnibox';
import { checkTemplate, fillVariables, findTemplate, insertTemplate, matchingTemplates, MAX_TEMPLATES, withTemplate } from '@/lib/templates';

/** Saved templates: the checks before saving, finding one by name, filling its variables, putting it into a message. */

const t = (id: string, name: string, text = `Hello from ${name}`) => ({ id, name, text, createdAt: 1, updatedAt: 1 });
const saved = [t('1', 'Welcome', 'Hello {{name|there}}, welcome to {{shop}}!'), t('2', 'Order ready'), t('3', 'Order late')];

describe('checkTemplate', () => {
  it('accepts a name and text, folding the name’s spaces', () => {
    expect(checkTemplate({ name: '  Thanks   a lot ', text: 'Thank you {{name}}!' }, saved)).toEqual({ ok: true, name: 'Thanks a lot', text: 'Thank you {{name}}!' });
  });

  it('refuses an empty, too long, slashed or duplicate name (any case), with what to do', () => {
    expect(checkTemplate({ name: ' ', text: 'x' }, saved)).toMatchObject({ ok: false, errors: { name: expect.stringContaining('Give the template a name') } });
    expect(checkTemplate({ name: 'x'.repeat(61), text: 'x' }, saved)).toMatchObject({ ok: false, errors: { name: expect.stringContaining('at most 60') } });
    expect(checkTemplate({ name: '/welcome', text: 'x' }, saved)).toMatchObject({ ok: false, errors: { name: expect.stringContaining('Leave out the slash') } });
    expect(checkTemplate({ name: 'WELCOME', text: 'x' }, saved)).toMatchObject({ ok: false, errors: { name: 'A template named “WELCOME” already exists; choose another name.' } });
  });

  it('lets a template keep its own name when edited (a rename to another case included)', () => {
    expect(checkTemplate({ name: 'welcome', text: 'Hi' }, saved, '1')).toEqual({ ok: true, name: 'welcome', text: 'Hi' });
  });

  it('refuses an empty text, and a variable written wrong', () => {
    expect(checkTemplate({ name: 'a', text: '  ' }, saved)).toMatchObject({ ok: false, errors: { text: 'Write the message of the template.' } });
    for (const text of ['Hello {{name', 'Hello name}}', 'Hello {{}}', 'Hi {{ {{name}} }}']) {
      expect(checkTemplate({ name: 'a', text }, saved), text).toMatchObject({ ok: false, errors: { text: expect.stringContaining('A variable is not written right') } });
    }
    expect(checkTemplate({ name: 'a', text: 'x'.repeat(4097) }, saved)).toMatchObject({ ok: false, errors: { text: expect.stringContaining('at most 4096') } });
  });

  it('refuses a new one past the most that are kept', () => {
    const full = Array.from({ length: MAX_TEMPLATES }, (_, i) => t(String(i), `T${i}`));
    expect(checkTemplate({ name: 'one more', text: 'x' }, full)).toMatchObject({ ok: false, errors: { name: expect.stringContaining('delete one') } });
    expect(checkTemplate({ name: 'T1', text: 'changed' }, full, '1')).toMatchObject({ ok: true });
  });
});

describe('findTemplate and matchingTemplates', () => {
  it('finds the exact name in any case, else the only one it starts', () => {
    expect(findTemplate(saved, 'welcome')).toMatchObject({ ok: true, template: { id: '1' } });
    expect(findTemplate(saved, ' WEL ')).toMatchObject({ ok: true, template: { id: '1' } });
    expect(findTemplate(saved, 'order ready')).toMatchObject({ ok: true, template: { id: '2' } });
  });

  it('names the choices when the name is unclear, unknown or missing', () => {
    expect(findTemplate(saved, 'order')).toEqual({ ok: false, message: 'More than one template starts with “order”: Order late, Order ready. Type more of the name.' });
    expect(findTemplate(saved, 'bye')).toEqual({ ok: false, message: 'No template is named “bye”. Yours: Order late, Order ready, Welcome.' });
    expect(findTemplate(saved, '')).toMatchObject({ ok: false, message: expect.stringContaining('after the slash') });
    expect(findTemplate([], 'x')).toMatchObject({ ok: false, message: expect.stringContaining('no templates yet') });
  });

  it('lists those starting with the typed name first, then those containing it', () => {
    expect(matchingTemplates(saved, 'or').map((x) => x.name)).toEqual(['Order late', 'Order ready']);
    expect(matchingTemplates(saved, 'late').map((x) => x.name)).toEqual(['Order late']);
    expect(matchingTemplates(saved, '').map((x) => x.name)).toEqual(['Order late', 'Order ready', 'Welcome']);
  });
});

describe('fillVariables', () => {
  it('fills values (any case) and fallbacks', () => {
    expect(fillVariables('Hello {{name|there}}, welcome to {{Shop}}!', { shop: 'Toko Budi' })).toEqual({ ok: true, text: 'Hello there, welcome to Toko Budi!' });
    expect(fillVariables('Hello {{name|there}}', { NAME: 'Citra' })).toEqual({ ok: true, text: 'Hello Citra' });
  });

  it('is an error naming every variable with no value and no fallback, never a gap or a literal {{name}}', () => {
    const filled = fillVariables('Hi {{name}}, {{order}} is ready', { order: ' ' });
    expect(filled).toEqual({ ok: false, missing: ['name', 'order'], error: 'Fill in {{name}}, {{order}} below, or give each a fallback in the text, e.g. {{name|friend}}.' });
  });
});

describe('insertTemplate', () => {
  it('is the message when the message is empty', () => {
    expect(insertTemplate('  ', 'Hello {{name}}')).toEqual({ text: 'Hello {{name}}', cursor: 14 });
  });
  it('goes at the end on a line of its own, or replaces the selection', () => {
    expect(insertTemplate('Dear all', 'See you')).toEqual({ text: 'Dear all\nSee you', cursor: 16 });
    expect(insertTemplate('Dear all\n', 'See you').text).toBe('Dear all\nSee you');
    expect(insertTemplate('Dear XX, bye', 'Budi', { start: 5, end: 7 })).toEqual({ text: 'Dear Budi, bye', cursor: 9 });
  });
});

describe('withTemplate', () => {
  it('adds a new one and changes one by id, keeping when it was made', () => {
    const added = withTemplate(saved, { id: '9', name: 'New', text: 'x' }, 50);
    expect(added.at(-1)).toEqual({ id: '9', name: 'New', text: 'x', createdAt: 50, updatedAt: 50 });
    const renamed = withTemplate(saved, { id: '2', name: 'Ready', text: 'Your order is ready' }, 60);
    expect(renamed[1]).toEqual({ id: '2', name: 'Ready', text: 'Your order is ready', createdAt: 1, updatedAt: 60 });
    expect(renamed).toHaveLength(saved.length);
  });
});

describe('the address bar’s /<template name>', () => {
  it('reads one slash as a template and two as a text that starts with one', () => {
    expect(messageIntent('/welcome')).toEqual({ kind: 'template', name: 'welcome' });
    expect(messageIntent('/ order ready ')).toEqual({ kind: 'template', name: 'order ready' });
    expect(messageIntent('//shrug')).toEqual({ kind: 'text', text: '/shrug' });
    expect(messageIntent('Hello /there')).toEqual({ kind: 'text', text: 'Hello /there' });
  });

  it('suggests the templates that fit, keeping the number, with the variables they ask for', () => {
    const suggestions = templateSuggestions('6281234567890', 'wel', saved);
    expect(suggestions).toEqual([
      { content: '+6281234567890 /Welcome', description: 'Template <match>Welcome</match> <dim>— “Hello {{name|there}}, welcome to {{shop}}!” (asks for name, shop)</dim>' },
    ]);
    expect(templateSuggestions('6281234567890', '', saved).map((s) => s.content)).toEqual(['+6281234567890 /Order late', '+6281234567890 /Order ready', '+6281234567890 /Welcome']);
  });

  it('says on the first line which template Enter opens, or why none', () => {
    expect(templateDefaultSuggestion('6281234567890', 'welcome', saved, { profileName: 'Office', sessionId: 'main' })).toBe(
      'Send the template <match>Welcome</match> to +62 812 3456 7890 <dim>from “main” of Office — press Enter to fill it in and review</dim>',
    );
    expect(templateDefaultSuggestion('6281234567890', 'order', saved)).toContain('More than one template starts with “order”');
  });
});
