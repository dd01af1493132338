import { useId, useMemo, useState } from 'react';
import { filterContacts, readContacts } from '@/lib/answers/account';
import { LoadState, useAnswer } from '../shared/answer-parts';
import { textsOf } from '@/lib/i18n';

const t = textsOf('account');
const common = textsOf('common');

/** How many contacts are asked for: enough for a popup, and one request. */
const CONTACT_LIMIT = 500;

/** The account's contacts, with a search by name or number. */
export function AccountContacts({ sessionId }: { sessionId: string }) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const loaded = useAnswer('getProfileListContacts', { sessionId, type: 'contacts', limit: CONTACT_LIMIT }, sessionId);
  const contacts = useMemo(() => readContacts(loaded.data ?? undefined), [loaded.data]);
  const shown = filterContacts(contacts, search);
  const count = search.trim() ? t('contactsMatch', { shown: shown.length, total: contacts.length }) : t.count('contactsCount', contacts.length);
  return (
    <section className="profile-section" aria-label={t('contacts')}>
      <h3>{t('contacts')}</h3>
      <LoadState loaded={loaded} what={t('theContacts')} />
      {loaded.data && (
        <>
          <div className="contact-search">
            <label htmlFor={searchId}>{common('searchContacts')}</label>
            <input id={searchId} type="search" value={search} placeholder={t('nameOrNumber')} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
            <span className="hint" role="status">{count}</span>
          </div>
          {shown.length > 0 ? (
            <ul className="contact-list" aria-label={t('contactList', { count: shown.length })}>
              {shown.map((c) => (
                <li key={c.id} aria-label={c.name ?? c.phone ?? c.id}>
                  <span className="contact-name">{c.name ?? t('noName')}</span>
                  <span className="hint">{c.phone ?? c.id}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{contacts.length === 0 ? t('noContacts') : t('noContactMatches', { query: search.trim() })}</p>
          )}
        </>
      )}
    </section>
  );
}
