import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLanguage, switchLanguage, textsOf } from '@/lib/i18n';
import { followLanguage, languageReady, onLanguageChange } from '@/entrypoints/background/worker-language';

const t = textsOf('worker');

describe("the worker's language", () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await switchLanguage('auto');
  });

  it('switches to the chosen language, tells who keeps words (the menus), and its messages follow', async () => {
    // The browser is English here; Indonesian comes from the package's messages.json.
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ worker_openSession: { message: 'Buka sesi' } })));
    const changed = vi.fn();
    onLanguageChange(changed);
    expect(t('openSession')).toBe('Open session');
    await followLanguage(Promise.resolve('id'));
    expect(currentLanguage()).toBe('id');
    expect(t('openSession')).toBe('Buka sesi');
    expect(changed).toHaveBeenCalledTimes(1);
    await followLanguage('id');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('stays in the browser language when the chosen one cannot be loaded, and is ready all the same', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    void followLanguage('id');
    await languageReady();
    expect(currentLanguage()).toBe('en');
    expect(t('openSession')).toBe('Open session');
  });
});
