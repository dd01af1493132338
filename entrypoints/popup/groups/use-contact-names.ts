import { useLatest } from '@/components/use-latest';
import { readContacts } from '@/lib/recipient';
import { phoneDigits } from '@/lib/answers/loose';
import { callActive } from '../shared/run-operation';

/**
 * The session's contact names by phone digits, so people waiting to join are shown by name when
 * this account knows them. A failure leaves the numbers, which are still right.
 */
export function useContactNames(sessionId: string): Record<string, string> {
  const latest = useLatest(async () => {
    const reply = await callActive('getProfileListContacts', { sessionId, limit: 1000 });
    if (!reply.ok) return { ok: true as const, data: {} };
    const entries = readContacts(reply.data).flatMap((contact) => {
      const phone = phoneDigits(contact.jid);
      return phone && contact.name !== `+${phone}` ? [[phone, contact.name] as const] : [];
    });
    return { ok: true as const, data: Object.fromEntries(entries) };
  }, [sessionId]);
  return latest.data ?? {};
}

/** "Eko (+62…)" when the name is known, the number otherwise. */
export function nameAndNumber(phone: string, names: Record<string, string>): string {
  const name = names[phone];
  return name ? `${name} (+${phone})` : `+${phone}`;
}
