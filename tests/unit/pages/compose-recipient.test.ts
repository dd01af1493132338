import { describe, expect, it } from 'vitest';
import { recipientFor } from '@/entrypoints/popup/compose/use-compose-draft';
import { resolveRecipient } from '@/lib/recipient';

/** A chat's "Send message": the composer's recipient is that chat, by name, sent to its JID. */
describe('recipientFor', () => {
  it('chooses a group chat as that group, by name, sending to its JID', () => {
    const value = recipientFor('120363000000000001@g.us', 'Core Team');
    expect(value).toEqual({ mode: 'group', text: '', jid: '120363000000000001@g.us', label: 'Core Team' });
    expect(resolveRecipient(value, '62')).toEqual({ ok: true, to: '120363000000000001@g.us', kind: 'group', label: 'Core Team' });
  });

  it('chooses a person by name (a @c.us JID as WARest writes it), sending to their JID', () => {
    const value = recipientFor('6281122334455@c.us', 'Alex Marker');
    expect(value).toMatchObject({ mode: 'contact', jid: '6281122334455@s.whatsapp.net', label: 'Alex Marker' });
    expect(resolveRecipient(value, '62')).toMatchObject({ ok: true, to: '6281122334455@s.whatsapp.net', kind: 'person', label: 'Alex Marker' });
  });

  it('without a name, types the JID in the number field; without a chat, starts empty', () => {
    expect(recipientFor('6281122334455@s.whatsapp.net', undefined)).toEqual({ mode: 'number', text: '6281122334455@s.whatsapp.net' });
    expect(recipientFor(undefined, 'Nobody')).toEqual({ mode: 'number', text: '' });
  });
});
