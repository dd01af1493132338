import { useEffect, useId, useRef, useState } from 'react';
import { explainError, readContactList, readGroupList, type ContactEntry, type GroupListEntry } from '@/lib/menu-results';
import { displayNumber } from '@/lib/omnibox';
import { normalizePhone } from '@/lib/phone';
import { readChecked, settingsItem } from '@/lib/stored-state';
import { callOperation } from './api';

/** Who a send window sends to: `to` is what WARest takes (digits or a group JID). */
export interface Recipient {
  to: string;
  label: string;
  /** Set for a person (not a group): remembered for the address bar's suggestions. */
  digits?: string;
}

const NUMBER = '__number__';
type Lists = { contacts: ContactEntry[]; groups: GroupListEntry[]; problems: string[] };

/**
 * The chat to send to: a contact or a group of the chosen session, or a typed number (checked
 * before anything is sent, with the reason next to the field).
 */
export function RecipientField(props: { profileId: string; sessionId: string; onChange: (recipient: Recipient | null) => void }) {
  const { profileId, sessionId, onChange } = props;
  const chooseId = useId();
  const numberId = useId();
  const numberHint = useId();
  const [lists, setLists] = useState<Lists | null>(null);
  const [choice, setChoice] = useState(NUMBER);
  const [typed, setTyped] = useState('');
  const [country, setCountry] = useState('');
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => void readChecked(settingsItem).then((s) => setCountry(s.defaultCountryCode)), []);
  useEffect(() => {
    let live = true;
    setLists(null);
    setChoice(NUMBER);
    void Promise.all([
      callOperation(profileId, 'getProfileListContacts', { sessionId, limit: 1000 }),
      callOperation(profileId, 'getGroups', { sessionId }),
    ]).then(([contacts, groups]) => {
      if (!live) return;
      const problems = [
        ...(contacts.ok ? [] : [`Could not list the contacts. ${explainError(contacts.error)}`]),
        ...(groups.ok ? [] : [`Could not list the groups. ${explainError(groups.error)}`]),
      ];
      const byName = <T extends { name?: string; subject?: string }>(a: T, b: T) => (a.name ?? a.subject ?? '').localeCompare(b.name ?? b.subject ?? '');
      setLists({
        contacts: contacts.ok ? readContactList(contacts.data.results).sort(byName) : [],
        groups: groups.ok ? readGroupList(groups.data.results).sort(byName) : [],
        problems,
      });
    });
    return () => {
      live = false;
    };
  }, [profileId, sessionId]);

  const number = choice === NUMBER && typed.trim() ? normalizePhone(typed, country) : undefined;
  const recipient: Recipient | null = (() => {
    if (choice === NUMBER) return number?.ok ? { to: number.digits, label: displayNumber(number.digits), digits: number.digits } : null;
    const group = lists?.groups.find((g) => g.id === choice);
    if (group) return { to: group.id, label: `group “${group.subject}”` };
    const contact = lists?.contacts.find((c) => c.digits === choice);
    return contact ? { to: contact.digits, label: contact.name ? `${contact.name} (${displayNumber(contact.digits)})` : displayNumber(contact.digits), digits: contact.digits } : null;
  })();
  const key = recipient ? `${recipient.to}|${recipient.label}` : '';
  useEffect(() => changed.current(recipient), [key]); // only when the recipient itself changes

  if (!lists) return <p className="hint" role="status" aria-busy="true">Loading the contacts and groups of “{sessionId}”…</p>;
  return (
    <>
      <div className="field">
        <label htmlFor={chooseId}>Send to</label>
        <select id={chooseId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value={NUMBER}>A phone number…</option>
          {lists.contacts.length > 0 && (
            <optgroup label="Contacts">
              {lists.contacts.map((c) => (
                <option key={c.digits} value={c.digits}>{c.name ? `${c.name} · ${displayNumber(c.digits)}` : displayNumber(c.digits)}</option>
              ))}
            </optgroup>
          )}
          {lists.groups.length > 0 && (
            <optgroup label="Groups">
              {lists.groups.map((g) => (
                <option key={g.id} value={g.id}>{g.subject}</option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {lists.problems.map((p) => <p key={p} className="error-text" role="alert">{p}</p>)}
      {choice === NUMBER && (
        <div className="field">
          <label htmlFor={numberId}>Phone number</label>
          <input id={numberId} type="tel" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="+62 812 3456 7890" aria-describedby={numberHint} aria-invalid={number?.ok === false} />
          <span id={numberHint} className={number?.ok === false ? 'error-text' : 'hint'} role={number?.ok === false ? 'alert' : undefined}>
            {number?.ok === false ? number.message : number?.ok ? `Sends to ${displayNumber(number.digits)}.` : 'In international format, or national with the default country code from the settings.'}
          </span>
        </div>
      )}
    </>
  );
}
