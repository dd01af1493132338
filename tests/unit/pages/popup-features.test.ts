import { describe, expect, it } from 'vitest';
import { FEATURES, screenOf } from '@/entrypoints/popup/features';
import SessionsScreen from '@/entrypoints/popup/sessions';

/** The popup's feature map routes every view to exactly one feature's screen. */
describe('the popup feature map', () => {
  it('names each view once', () => {
    const names = Object.values(FEATURES).flatMap((feature) => [...feature.views]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('list');
  });

  it('routes a view to the screen of the feature that names it', () => {
    expect(screenOf({ name: 'list' })).toBe(SessionsScreen);
    expect(screenOf({ name: 'login' })).toBe(FEATURES.sessionTools.Screen);
    expect(screenOf({ name: 'webhook', sessionId: 'main' })).toBe(FEATURES.sessionTools.Screen);
    expect(screenOf({ name: 'group-join', sessionId: 'main' })).toBe(FEATURES.groups.Screen);
    expect(screenOf({ name: 'chat', sessionId: 'main', chatId: '1@s.whatsapp.net' })).toBe(FEATURES.chats.Screen);
    expect(screenOf({ name: 'server' })).toBe(FEATURES.server.Screen);
  });

  it('keeps every feature but the sessions out of the first chunk (their chunks load on demand)', () => {
    for (const [name, feature] of Object.entries(FEATURES)) {
      // Only an on-demand feature has a chunk to fetch; asking twice is the same fetch.
      const first = feature.preload();
      expect(first instanceof Promise, name).toBe(name !== 'sessions');
      expect(feature.preload(), name).toBe(first);
      void first?.catch(() => undefined);
    }
  });
});
