import { useId, useState } from 'react';
import { readContacts } from '@/lib/answers/account';
import { readGroupList, readParticipantList, type GroupSummary } from '@/lib/answers/groups';
import type { CollectedRecipients } from '@/lib/campaigns/draft';
import { guessPhoneColumn, parseCsv } from '@/lib/campaigns/recipients-csv';
import { callOperation } from '@/lib/messaging/call-operation';
import type { DraftForm } from './draft-form';

/**
 * Who gets the campaign: pasted numbers, a CSV/TSV file (phone column chosen, first rows shown),
 * a group's participants or the session's contacts. What was left out is listed with the reason.
 */

const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 20;

export function RecipientsSection(props: { form: DraftForm; update: (patch: Partial<DraftForm>) => void; collected: CollectedRecipients | undefined; profileId: string }) {
  const { form, update, collected, profileId } = props;
  const ids = { paste: useId(), file: useId(), column: useId(), group: useId() };
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseCsv(await file.text());
    if (!parsed.ok) return update({ csv: undefined, csvError: `“${file.name}”: ${parsed.message}` });
    const phoneColumn = guessPhoneColumn(parsed.table) ?? 0;
    update({ csv: { fileName: file.name, table: parsed.table, phoneColumn }, csvError: undefined });
  };

  const loadGroups = async () => {
    setLoading('groups');
    setLoadError(null);
    const reply = await callOperation('getGroups', { sessionId: form.sessionId }, { profileId });
    setLoading(null);
    if (!reply.ok) return setLoadError(reply.error.message);
    setGroups(readGroupList(reply.data).groups);
  };

  const loadParticipants = async (groupId: string) => {
    const group = groups?.find((g) => g.id === groupId);
    if (!group) return;
    setLoading('participants');
    setLoadError(null);
    const reply = await callOperation('getGroupParticipants', { sessionId: form.sessionId, groupId }, { profileId });
    setLoading(null);
    if (!reply.ok) return setLoadError(reply.error.message);
    const people = readParticipantList(reply.data).filter((p) => !p.isMe && p.phone).map((p) => ({ phone: p.phone!, ...(p.name && { name: p.name }) }));
    update({ people: { label: `participants of “${group.subject}”`, people } });
  };

  const loadContacts = async () => {
    setLoading('contacts');
    setLoadError(null);
    const reply = await callOperation('getProfileListContacts', { sessionId: form.sessionId, type: 'contacts' }, { profileId });
    setLoading(null);
    if (!reply.ok) return setLoadError(reply.error.message);
    const people = readContacts(reply.data).filter((c) => c.phone).map((c) => ({ phone: c.phone!, ...(c.name && { name: c.name }) }));
    update({ people: { label: 'the session’s contacts', people } });
  };

  const choose = (sourceKind: DraftForm['sourceKind']) => update({ sourceKind, people: undefined });

  return (
    <section className="card" aria-labelledby="recipients-title">
      <h2 id="recipients-title">1. Recipients</h2>
      <fieldset className="choices">
        <legend>Where the numbers come from</legend>
        {(
          [
            ['paste', 'Paste numbers'],
            ['csv', 'A CSV or TSV file'],
            ['group', 'A group’s participants'],
            ['contacts', 'The session’s contacts'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="check">
            <input type="radio" name="source" value={value} checked={form.sourceKind === value} onChange={() => choose(value)} /> {label}
          </label>
        ))}
      </fieldset>

      {form.sourceKind === 'paste' && (
        <div className="field">
          <label htmlFor={ids.paste}>Phone numbers</label>
          <textarea id={ids.paste} rows={6} value={form.pasteText} onChange={(e) => update({ pasteText: e.target.value })} aria-describedby={`${ids.paste}-hint`} />
          <span id={`${ids.paste}-hint`} className="hint">One per line, or separated by commas; any common format (+62 812…, 0812… with the default country code, wa.me links).</span>
        </div>
      )}

      {form.sourceKind === 'csv' && (
        <>
          <div className="field">
            <label htmlFor={ids.file}>CSV or TSV file</label>
            <input id={ids.file} type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" onChange={(e) => void readFile(e.target.files?.[0])} aria-describedby={`${ids.file}-hint`} />
            <span id={`${ids.file}-hint`} className="hint">The first row names the columns. Every column other than the phone number becomes a variable, e.g. a column “name” is {'{{name}}'}.</span>
            {form.csvError && <p className="error-text" role="alert">{form.csvError}</p>}
          </div>
          {form.csv && (
            <>
              <div className="field">
                <label htmlFor={ids.column}>Phone column</label>
                <select id={ids.column} value={form.csv.phoneColumn} onChange={(e) => update({ csv: { ...form.csv!, phoneColumn: Number(e.target.value) } })}>
                  {form.csv.table.columns.map((column, index) => <option key={column} value={index}>{column}</option>)}
                </select>
              </div>
              <div className="table-wrap">
                <table className="preview">
                  <caption>First rows of “{form.csv.fileName}” ({form.csv.table.rows.length.toLocaleString('en-US')} rows)</caption>
                  <thead>
                    <tr>
                      {form.csv.table.columns.map((column, index) => <th key={column} scope="col">{column}{index === form.csv!.phoneColumn ? ' (phone)' : ''}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {form.csv.table.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                      <tr key={r}>{row.map((cell, c) => <td key={c}>{cell}</td>)}</tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}

      {form.sourceKind === 'group' && (
        <div className="field">
          {!groups ? (
            <button type="button" onClick={() => void loadGroups()} disabled={!form.sessionId || loading !== null}>{loading === 'groups' ? 'Loading groups…' : 'Load groups'}</button>
          ) : (
            <>
              <label htmlFor={ids.group}>Group</label>
              <select id={ids.group} defaultValue="" onChange={(e) => void loadParticipants(e.target.value)}>
                <option value="" disabled>Choose a group</option>
                {groups.map((g) => <option key={g.id} value={g.id}>{g.subject} ({g.size})</option>)}
              </select>
            </>
          )}
        </div>
      )}

      {form.sourceKind === 'contacts' && (
        <button type="button" onClick={() => void loadContacts()} disabled={!form.sessionId || loading !== null}>{loading === 'contacts' ? 'Loading contacts…' : 'Load contacts'}</button>
      )}
      {loadError && <p className="error-text" role="alert">{loadError}</p>}
      {form.people && <p className="hint">From {form.people.label}: {form.people.people.length} people. Their name is {'{{name}}'}.</p>}

      {collected && <RecipientSummary collected={collected} />}

      <label className="check">
        <input type="checkbox" checked={form.checkNumbers} onChange={(e) => update({ checkNumbers: e.target.checked })} /> Check every number on WhatsApp first (numbers without WhatsApp are skipped)
      </label>
    </section>
  );
}

function RecipientSummary({ collected }: { collected: CollectedRecipients }) {
  const { recipients, unusable, duplicates, optedOut } = collected;
  return (
    <div className="summary" role="status" aria-live="polite">
      <p>
        <strong>{(recipients.length - optedOut.length).toLocaleString('en-US')} recipients</strong>
        {duplicates.length > 0 && ` · ${duplicates.length} repeated numbers left out`}
        {optedOut.length > 0 && ` · ${optedOut.length} on your opt-out list (skipped)`}
        {unusable.length > 0 && ` · ${unusable.length} rows with an unusable number`}
      </p>
      {unusable.length > 0 && (
        <details open={unusable.length <= 5}>
          <summary>Rows with an unusable number</summary>
          <ul className="problems" aria-label="Rows with an unusable number">
            {unusable.slice(0, LISTED_PROBLEMS).map((problem) => (
              <li key={problem.row}>Row {problem.row}: {problem.reason}</li>
            ))}
            {unusable.length > LISTED_PROBLEMS && <li>… and {unusable.length - LISTED_PROBLEMS} more (all are in the results as skipped).</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
