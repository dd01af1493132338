import { troubleWords } from '@/lib/warest/server-trouble';
import type { ProfileSnapshot } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';

const t = textsOf('popup');

/** A server's state in words (as its pill says it), for its dot and for screen readers. */
export function serverState(snapshot: ProfileSnapshot | undefined): { tone: 'ok' | 'bad' | 'idle'; words: string } {
  if (!snapshot) return { tone: 'idle', words: t('stateNotChecked') };
  if (snapshot.server.state === 'ok') return { tone: 'ok', words: t('stateReachable') };
  return { tone: 'bad', words: troubleWords(snapshot.server).toLowerCase() };
}
