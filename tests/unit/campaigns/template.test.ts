import { describe, expect, it } from 'vitest';
import { renderTemplate, templateProblems, templateVariables } from '@/lib/campaigns/template';

describe('a message template', () => {
  it('fills variables by name, whatever their case or spaces', () => {
    expect(renderTemplate('Hi {{Name}}, order {{ order id }} is ready.', { name: 'Budi', 'Order ID': 'A-17' })).toEqual({ ok: true, text: 'Hi Budi, order A-17 is ready.' });
  });

  it('uses the fallback for a missing or empty value', () => {
    expect(renderTemplate('Hi {{name|there}}!', {})).toEqual({ ok: true, text: 'Hi there!' });
    expect(renderTemplate('Hi {{name|there}}!', { name: '  ' })).toEqual({ ok: true, text: 'Hi there!' });
    expect(renderTemplate('Hi {{name|}}!', {})).toEqual({ ok: true, text: 'Hi !' });
  });

  it('names every variable it cannot fill, instead of sending a gap', () => {
    expect(renderTemplate('{{name}} {{city}} {{name}}', { city: '' })).toEqual({ ok: false, missing: ['name', 'city'] });
  });

  it('lists its variables once, in order, and checks them against the columns before anything is sent', () => {
    expect(templateVariables('{{a}} {{b|x}} {{A}}')).toEqual([{ name: 'a' }, { name: 'b', fallback: 'x' }]);
    expect(templateProblems('Hi {{name}}, {{city|friend}}, {{order}}', ['Name', 'phone'])).toEqual([
      '{{order}} is not a column of the recipients (Name, phone); fix its name or give it a fallback, e.g. {{order|friend}}.',
    ]);
  });

  it('leaves text that only looks like braces alone', () => {
    expect(renderTemplate('{ not } {{}} {{ }}', {})).toEqual({ ok: true, text: '{ not } {{}} {{ }}' });
  });
});
