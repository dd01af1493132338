import { describe, expect, it } from 'vitest';
import { API_PREFIX, CATEGORIES, findOperation, OPERATIONS } from '@/lib/warest/catalog';

const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
const ids = (filter: (op: (typeof OPERATIONS)[number]) => boolean) => OPERATIONS.filter(filter).map((op) => op.id).sort();

describe('operation catalog', () => {
  it('has the 90 operations of the server', () => {
    expect(OPERATIONS).toHaveLength(90);
  });

  it('has as many operations per category as the server publishes', () => {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, OPERATIONS.filter((op) => op.category === c).length]));
    expect(counts).toEqual({
      Sessions: 8,
      'Messages - Sending': 12,
      'Messages - Actions': 13,
      Chats: 5,
      Groups: 24,
      Profiles: 8,
      Server: 7,
      Misc: 13,
    });
  });

  it('has unique operation ids, each found by findOperation', () => {
    expect(new Set(OPERATIONS.map((op) => op.id)).size).toBe(OPERATIONS.length);
    for (const op of OPERATIONS) expect(findOperation(op.id)).toBe(op);
    expect(findOperation('nope')).toBeUndefined();
  });

  it('has one operation per method and path', () => {
    const routes = OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('has paths that start with "/" and are below the API prefix (not repeating it)', () => {
    for (const op of OPERATIONS) {
      expect(op.path, op.id).toMatch(/^\//);
      expect(op.path.startsWith(API_PREFIX), op.id).toBe(false);
    }
    expect(API_PREFIX).toBe('/api/v1');
  });

  it('has a required path input for every {param} in a path, and no path input without one', () => {
    for (const op of OPERATIONS) {
      const inPath = pathParams(op.path).sort();
      const pathInputs = op.inputs.filter((input) => input.in === 'path');
      expect(pathInputs.map((input) => input.name).sort(), op.id).toEqual(inPath);
      for (const input of pathInputs) expect(input.required, `${op.id}.${input.name}`).toBe(true);
    }
  });

  it('has unique input names and a label for each input', () => {
    for (const op of OPERATIONS) {
      const names = op.inputs.map((input) => input.name);
      expect(new Set(names).size, op.id).toBe(names.length);
      for (const input of op.inputs) expect(input.label.trim(), `${op.id}.${input.name}`).not.toBe('');
    }
  });

  it('has body inputs only on POST and DELETE', () => {
    for (const op of OPERATIONS.filter((o) => o.method === 'GET')) {
      expect(op.inputs.filter((input) => input.in === 'body'), op.id).toEqual([]);
    }
  });

  it('marks exactly the operations that remove or break something as destructive', () => {
    expect(ids((op) => op.destructive)).toEqual(
      [
        'getSessionLogout',
        'deleteSessionDelete',
        'deleteGroupDelete',
        'postGroupLeave',
        'postGroupInviteRevoke',
        'deleteGroupParticipantsRemove',
        'deleteMessagesMessageIdActionDelete',
        'postMessagesMessageIdActionRevoke',
        'deleteMessagesActionClearAll',
        'deleteGroupPicture',
        'deleteProfilePicture',
        'postServerRestart',
        'postServerRestartScheduled',
      ].sort(),
    );
  });

  it('marks every /server route except ping as admin-only, as a stock server refuses them to user keys', () => {
    expect(ids((op) => op.adminOnly)).toEqual(
      ['getServerInfo', 'getServerHealthz', 'getServerReady', 'getServerCpuHistory', 'postServerRestart', 'postServerRestartScheduled'].sort(),
    );
  });

  it('marks ping, and only ping, as needing no key', () => {
    expect(ids((op) => op.auth === 'none')).toEqual(['getServerPing']);
    for (const op of OPERATIONS) expect(['key', 'none'], op.id).toContain(op.auth);
  });

  it('marks the twelve sends, and only them, as having a recipient the anti-spam guard spaces', () => {
    const sends = ids((op) => op.recipientInput !== undefined);
    expect(sends).toEqual(ids((op) => op.category === 'Messages - Sending'));
    expect(sends).toHaveLength(12);
    for (const id of sends) {
      const op = findOperation(id)!;
      expect(op.recipientInput, id).toBe('to');
      expect(op.inputs.find((input) => input.name === 'to')?.type, id).toBe('recipients');
    }
  });

  it('labels the scheduled restart as a time of day, not cron, and checks its form', () => {
    const schedule = findOperation('postServerRestartScheduled')?.inputs.find((input) => input.name === 'schedule');
    expect(schedule?.label).not.toMatch(/cron/i);
    expect(schedule?.help).toMatch(/HH:MM/);
    expect(schedule?.help).toMatch(/0 cancels/);
    const pattern = schedule?.format?.pattern;
    for (const ok of ['02:30', '00:00', '23:59', '0']) expect(pattern?.test(ok), ok).toBe(true);
    for (const bad of ['0 3 * * *', '24:00', '2:30', '12:60', '', '00', '02:30:00']) expect(pattern?.test(bad), bad).toBe(false);
  });

  it('gives every session id input the server’s session id form (1–64 of A-Z a-z 0-9 . _ -)', () => {
    for (const op of OPERATIONS) {
      const session = op.inputs.find((input) => input.name === 'sessionId');
      if (!session) continue;
      const pattern = session.format?.pattern;
      expect(pattern?.test('shop.main_1-x'), op.id).toBe(true);
      expect(pattern?.test('x'.repeat(64)), op.id).toBe(true);
      for (const bad of ['my session/1', 'x'.repeat(65), 'a&b', 'sé']) expect(pattern?.test(bad), `${op.id}: ${bad}`).toBe(false);
    }
  });

  it('bounds every text input, and gives numbers their limits only where the server has them', () => {
    for (const op of OPERATIONS) {
      for (const input of op.inputs.filter((i) => i.type === 'string' || i.type === 'string[]' || i.type === 'recipients')) {
        expect(input.maxLength, `${op.id}.${input.name}`).toBeGreaterThan(0);
        expect(input.maxLength, `${op.id}.${input.name}`).toBeLessThanOrEqual(65_536);
      }
      for (const input of op.inputs.filter((i) => i.minimum !== undefined || i.maximum !== undefined)) {
        expect(['integer', 'number'], `${op.id}.${input.name}`).toContain(input.type);
      }
      for (const input of op.inputs.filter((i) => i.shape)) expect(input.type, `${op.id}.${input.name}`).toBe('json');
    }
  });

  it('says an operation needs a session exactly when it has a required sessionId input', () => {
    for (const op of OPERATIONS) {
      const required = op.inputs.some((input) => input.name === 'sessionId' && input.required);
      expect(op.needsSession, op.id).toBe(required);
    }
    // Spot checks, both ways.
    expect(findOperation('getSessionList')?.needsSession).toBe(false);
    expect(findOperation('postMiscWhatsappValidatePhone')?.needsSession).toBe(false);
    expect(findOperation('postMessagesSendText')?.needsSession).toBe(true);
  });

  it('has body encodings exactly when there are body inputs, JSON always among them', () => {
    for (const op of OPERATIONS) {
      const hasBody = op.inputs.some((input) => input.in === 'body');
      expect(op.bodyEncodings.length === 0, op.id).toBe(!hasBody);
      if (hasBody) expect(op.bodyEncodings, op.id).toContain('json');
      if (!hasBody) expect(op.bodyRequired, op.id).toBe(false);
    }
  });

  it('offers multipart only to operations with a file input', () => {
    for (const op of OPERATIONS.filter((o) => o.bodyEncodings.includes('multipart'))) {
      expect(op.inputs.some((input) => input.type === 'file' || input.type === 'file[]'), op.id).toBe(true);
    }
  });

  it('gives options only to text inputs, never empty', () => {
    for (const op of OPERATIONS) {
      for (const input of op.inputs.filter((i) => i.options)) {
        expect(input.type, `${op.id}.${input.name}`).toBe('string');
        expect(input.options?.length, `${op.id}.${input.name}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("the catalog's words", () => {
  // A missing message shows its own name (lib/i18n): an operation or field without words in
  // locales/en/ops.json would show "ops_op_<id>" in forms and errors.
  it('exist for every operation, field, help line and format', () => {
    const missing: string[] = [];
    const check = (text: string | undefined, what: string) => {
      if (!text?.trim() || /^ops_/.test(text)) missing.push(what);
    };
    for (const op of OPERATIONS) {
      check(op.label, op.id);
      for (const input of op.inputs) {
        check(input.label, `${op.id}.${input.name}`);
        if ('help' in input) check(input.help, `${op.id}.${input.name} help`);
        if (input.format) check(input.format.description, `${op.id}.${input.name} format`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are read when asked, so a language chosen later is the one shown', () => {
    const op = OPERATIONS.find((o) => o.id === 'getSessionList')!;
    expect(Object.getOwnPropertyDescriptor(op, 'label')?.get).toBeTypeOf('function');
    expect(op.label).toBe('List sessions');
  });
});
