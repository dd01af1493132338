import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '@/lib/ui/clipboard';

describe('copyText', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers true once the text is on the clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyText('3EB0ABC')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('3EB0ABC');
  });

  it('answers false instead of throwing when the browser refuses, or has no clipboard', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')) } });
    expect(await copyText('x')).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await copyText('x')).toBe(false);
  });
});
