import { troubleWords } from '@/lib/warest/server-trouble';
import type { ProfileSnapshot } from '@/lib/storage';

/** A server's state in words (as its pill says it), for its dot and for screen readers. */
export function serverState(snapshot: ProfileSnapshot | undefined): { tone: 'ok' | 'bad' | 'idle'; words: string } {
  if (!snapshot) return { tone: 'idle', words: 'not checked yet' };
  if (snapshot.server.state === 'ok') return { tone: 'ok', words: 'reachable' };
  return { tone: 'bad', words: troubleWords(snapshot.server).toLowerCase() };
}
