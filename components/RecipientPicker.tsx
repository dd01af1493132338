import { useEffect, useId, useState } from 'react';
import {
  filterOptions,
  readContacts,
  readGroups,
  resolveRecipient,
  type RecipientMode,
  type RecipientOption,
  type RecipientValue,
} from '@/lib/recipient';
import { CountryCodeFix } from './CountryCodeFix';
import { useDefaultCountry } from './use-default-country';
import { callOperation } from '@/lib/messaging/call-operation';
import { textsOf } from '@/lib/i18n';
import { useLatest } from './use-latest';
import './recipient-picker.css';

/**
 * Who to send to: a typed number or WhatsApp id, one of the session's contacts, or one of its
 * groups. Self-contained (reads the default country code and asks the background for lists) so
 * the popup's composer and the right-click window can both use it.
 */
export interface RecipientPickerProps {
  /** The server profile; the background's default profile when absent. */
  profileId?: string;
  sessionId: string;
  value: RecipientValue;
  onChange(value: RecipientValue): void;
  /** Country calling code for national numbers; read from the settings when absent. */
  defaultCountry?: string;
  /** A problem found by the form on submit; shown next to the field. */
  error?: string;
}

const t = textsOf('common');

/** Read when drawn: the language is chosen before the first render, not when this module loads. */
const modes = (): Array<{ mode: RecipientMode; label: string }> => [
  { mode: 'number', label: t('recipientNumber') },
  { mode: 'contact', label: t('recipientContact') },
  { mode: 'group', label: t('recipientGroup') },
];

export { useDefaultCountry } from './use-default-country';

export function RecipientPicker({ profileId, sessionId, value, onChange, defaultCountry, error }: RecipientPickerProps) {
  const id = useId();
  const country = useDefaultCountry(defaultCountry);
  const [touched, setTouched] = useState(false);
  const resolved = resolveRecipient(value, country);
  const shownError = error ?? (touched && value.mode === 'number' && value.text.trim() && !resolved.ok ? resolved.reason : undefined);

  return (
    <fieldset className="recipient-picker">
      <legend>{t('recipient')}</legend>
      <div role="radiogroup" aria-label={t('recipientKind')} className="recipient-modes">
        {modes().map(({ mode, label }) => (
          <label key={mode}>
            <input type="radio" name={`${id}-mode`} checked={value.mode === mode} onChange={() => onChange({ ...value, mode, jid: undefined, label: undefined })} />
            {label}
          </label>
        ))}
      </div>
      {value.mode === 'number' ? (
        <div className="field">
          <label htmlFor={`${id}-number`}>{t('recipientNumberLabel')}</label>
          <input
            id={`${id}-number`}
            value={value.text}
            inputMode="tel"
            autoComplete="off"
            placeholder="+62 812 3456 7890"
            aria-invalid={shownError ? true : undefined}
            aria-describedby={`${id}-status`}
            onChange={(event) => onChange({ ...value, text: event.target.value })}
            onBlur={() => setTouched(true)}
          />
          <p className="hint" id={`${id}-status`}>
            {country ? t('recipientCountryHint', { country }) : t('recipientNoCountryHint')}
            {resolved.ok && value.text.trim() ? t('recipientSendsTo', { label: resolved.label }) : ''}
          </p>
        </div>
      ) : (
        // A new mode, server or session starts a fresh list: another session's contacts must never be offered.
        <RecipientList key={`${value.mode}:${profileId ?? ''}:${sessionId}`} profileId={profileId} sessionId={sessionId} value={value} onChange={onChange} />
      )}
      {shownError && (
        <p className="error-text" role="alert">
          {shownError}
        </p>
      )}
      {shownError && value.mode === 'number' && <CountryCodeFix country={country} typed={value.text} />}
    </fieldset>
  );
}

/** The session's contacts or groups, searchable, as radio buttons. */
function RecipientList({ profileId, sessionId, value, onChange }: Omit<RecipientPickerProps, 'defaultCountry' | 'error'>) {
  const id = useId();
  const kind = value.mode === 'group' ? 'group' : 'contact';
  const [query, setQuery] = useState('');
  const latest = useLatest(async () => {
    const reply = kind === 'group' ? await callOperation('getGroups', { sessionId }, { profileId }) : await callOperation('getProfileListContacts', { sessionId, limit: 1000 }, { profileId });
    return reply.ok ? { ok: true as const, data: kind === 'group' ? readGroups(reply.data) : readContacts(reply.data) } : reply;
  }, [kind, profileId, sessionId]);
  const options: RecipientOption[] | null = latest.error ? null : latest.data;
  const loadError = latest.error?.message ?? null;

  const shown = options ? filterOptions(options, query).slice(0, 50) : [];
  const groups = kind === 'group';
  return (
    <div className="recipient-list">
      <div className="field">
        <label htmlFor={`${id}-search`}>{groups ? t('searchGroups') : t('searchContacts')}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {value.jid && (
        <p className="hint" role="status">
          {t('recipientChosen', { label: value.label ?? value.jid })}
        </p>
      )}
      {loadError && (
        <p className="error-text" role="alert">
          {loadError}
        </p>
      )}
      {!options && !loadError && (
        <p className="hint" aria-busy="true">
          {groups ? t('loadingGroups') : t('loadingContacts')}
        </p>
      )}
      {options && shown.length === 0 && <p className="hint">{options.length === 0 ? (groups ? t('noGroups') : t('noContacts')) : groups ? t('noGroupsMatch', { query }) : t('noContactsMatch', { query })}</p>}
      {shown.length > 0 && (
        <ul className="recipient-options" aria-label={groups ? t('groups') : t('contacts')}>
          {shown.map((option) => (
            <li key={option.jid}>
              <label>
                <input
                  type="radio"
                  name={`${id}-choice`}
                  checked={value.jid === option.jid}
                  onChange={() => onChange({ ...value, jid: option.jid, label: option.name })}
                />
                <span className="recipient-name">{option.name}</span>
                {option.detail && <span className="hint"> {option.detail}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
