import { useId, useMemo, useState } from 'react';
import { filterContacts, readContacts } from '@/lib/answers/account';
import { LoadState, useAnswer } from '../shared/answer-parts';

/** How many contacts are asked for: enough for a popup, and one request. */
const CONTACT_LIMIT = 500;

/** The account's contacts, with a search by name or number. */
export function AccountContacts({ sessionId }: { sessionId: string }) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const loaded = useAnswer('getProfileListContacts', { sessionId, type: 'contacts', limit: CONTACT_LIMIT }, sessionId);
  const contacts = useMemo(() => readContacts(loaded.data ?? undefined), [loaded.data]);
  const shown = filterContacts(contacts, search);
  const count = search.trim() ? `${shown.length} of ${contacts.length} contacts match` : `${contacts.length} contact${contacts.length === 1 ? '' : 's'}`;
  return (
    <section className="profile-section" aria-label="Contacts">
      <h3>Contacts</h3>
      <LoadState loaded={loaded} what="the contacts" />
      {loaded.data && (
        <>
          <div className="contact-search">
            <label htmlFor={searchId}>Search contacts</label>
            <input id={searchId} type="search" value={search} placeholder="Name or number" onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
            <span className="hint" role="status">{count}</span>
          </div>
          {shown.length > 0 ? (
            <ul className="contact-list" aria-label={`Contacts (${shown.length})`}>
              {shown.map((c) => (
                <li key={c.id} aria-label={c.name ?? c.phone ?? c.id}>
                  <span className="contact-name">{c.name ?? 'No name'}</span>
                  <span className="hint">{c.phone ?? c.id}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{contacts.length === 0 ? 'No contacts.' : `No contact matches “${search.trim()}”.`}</p>
          )}
        </>
      )}
    </section>
  );
}
