import { useId, useState } from 'react';
import { readContacts } from '@/lib/answers/account';
import { readGroupList, readParticipantList, type GroupSummary } from '@/lib/answers/groups';
import type { CollectedRecipients } from '@/lib/campaigns/draft';
import { guessPhoneColumn, parseCsv } from '@/lib/campaigns/recipients-csv';
import { textsOf } from '@/lib/i18n';
import { callOperation } from '@/lib/messaging/call-operation';
import type { DraftForm } from './draft-form';
import { formatNumber, t } from './words';

const common = textsOf('common');

/**
 * Who gets the campaign: pasted numbers, a CSV/TSV file (phone column chosen, first rows shown),
 * a group's participants or the session's contacts. What was left out is listed with the reason.
 */

const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 20;
/** The variable a person's name becomes, as written in a message. */
const NAME_VARIABLE = '{{name}}';

export function RecipientsSection(props: { form: DraftForm; update: (patch: Partial<DraftForm>) => void; collected: CollectedRecipients | undefined; profileId: string }) {
  const { form, update, collected, profileId } = props;
  const ids = { paste: useId(), file: useId(), column: useId(), group: useId() };
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseCsv(await file.text());
    if (!parsed.ok) return update({ csv: undefined, csvError: t('fileProblem', { file: file.name, problem: parsed.message }) });
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
    update({ people: { group: group.subject, people } });
  };

  const loadContacts = async () => {
    setLoading('contacts');
    setLoadError(null);
    const reply = await callOperation('getProfileListContacts', { sessionId: form.sessionId, type: 'contacts' }, { profileId });
    setLoading(null);
    if (!reply.ok) return setLoadError(reply.error.message);
    const people = readContacts(reply.data).filter((c) => c.phone).map((c) => ({ phone: c.phone!, ...(c.name && { name: c.name }) }));
    update({ people: { people } });
  };

  const choose = (sourceKind: DraftForm['sourceKind']) => update({ sourceKind, people: undefined });

  return (
    <section className="card" aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t('recipientsTitle')}</h2>
      <fieldset className="choices">
        <legend>{t('sourceLegend')}</legend>
        {(
          [
            ['paste', t('sourcePaste')],
            ['csv', t('sourceCsv')],
            ['group', t('sourceGroup')],
            ['contacts', t('sourceContacts')],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="check">
            <input type="radio" name="source" value={value} checked={form.sourceKind === value} onChange={() => choose(value)} /> {label}
          </label>
        ))}
      </fieldset>

      {form.sourceKind === 'paste' && (
        <div className="field">
          <label htmlFor={ids.paste}>{t('phoneNumbers')}</label>
          <textarea id={ids.paste} rows={6} value={form.pasteText} onChange={(e) => update({ pasteText: e.target.value })} aria-describedby={`${ids.paste}-hint`} />
          <span id={`${ids.paste}-hint`} className="hint">{t('pasteHint')}</span>
        </div>
      )}

      {form.sourceKind === 'csv' && (
        <>
          <div className="field">
            <label htmlFor={ids.file}>{t('csvFile')}</label>
            <input id={ids.file} type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" onChange={(e) => void readFile(e.target.files?.[0])} aria-describedby={`${ids.file}-hint`} />
            <span id={`${ids.file}-hint`} className="hint">{t('csvHint', { column: 'name', variable: NAME_VARIABLE })}</span>
            {form.csvError && <p className="error-text" role="alert">{form.csvError}</p>}
          </div>
          {form.csv && (
            <>
              <div className="field">
                <label htmlFor={ids.column}>{t('phoneColumn')}</label>
                <select id={ids.column} value={form.csv.phoneColumn} onChange={(e) => update({ csv: { ...form.csv!, phoneColumn: Number(e.target.value) } })}>
                  {form.csv.table.columns.map((column, index) => <option key={column} value={index}>{column}</option>)}
                </select>
              </div>
              <div className="table-wrap">
                <table className="preview">
                  <caption>{t.count('firstRows', form.csv.table.rows.length, { file: form.csv.fileName, count: formatNumber(form.csv.table.rows.length) })}</caption>
                  <thead>
                    <tr>
                      {form.csv.table.columns.map((column, index) => <th key={column} scope="col">{index === form.csv!.phoneColumn ? t('phoneColumnMark', { column }) : column}</th>)}
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
            <button type="button" onClick={() => void loadGroups()} disabled={!form.sessionId || loading !== null}>{loading === 'groups' ? common('loadingGroups') : t('loadGroups')}</button>
          ) : (
            <>
              <label htmlFor={ids.group}>{t('group')}</label>
              <select id={ids.group} defaultValue="" onChange={(e) => void loadParticipants(e.target.value)}>
                <option value="" disabled>{t('chooseGroup')}</option>
                {groups.map((g) => <option key={g.id} value={g.id}>{g.subject} ({g.size})</option>)}
              </select>
            </>
          )}
        </div>
      )}

      {form.sourceKind === 'contacts' && (
        <button type="button" onClick={() => void loadContacts()} disabled={!form.sessionId || loading !== null}>{loading === 'contacts' ? common('loadingContacts') : t('loadContacts')}</button>
      )}
      {loadError && <p className="error-text" role="alert">{loadError}</p>}
      {form.people && (
        <p className="hint">
          {form.people.group === undefined
            ? t.count('fromContacts', form.people.people.length, { count: formatNumber(form.people.people.length), variable: NAME_VARIABLE })
            : t.count('fromGroup', form.people.people.length, { count: formatNumber(form.people.people.length), group: form.people.group, variable: NAME_VARIABLE })}
        </p>
      )}

      {collected && <RecipientSummary collected={collected} />}

      <label className="check">
        <input type="checkbox" checked={form.checkNumbers} onChange={(e) => update({ checkNumbers: e.target.checked })} /> {t('checkNumbers')}
      </label>
    </section>
  );
}

function RecipientSummary({ collected }: { collected: CollectedRecipients }) {
  const { recipients, unusable, duplicates, optedOut } = collected;
  return (
    <div className="summary" role="status" aria-live="polite">
      <p>
        <strong>{t.count('recipients', recipients.length - optedOut.length, { count: formatNumber(recipients.length - optedOut.length) })}</strong>
        {duplicates.length > 0 && t.count('summaryDuplicates', duplicates.length, { count: formatNumber(duplicates.length) })}
        {optedOut.length > 0 && t('summaryOptedOut', { count: formatNumber(optedOut.length) })}
        {unusable.length > 0 && t.count('summaryUnusable', unusable.length, { count: formatNumber(unusable.length) })}
      </p>
      {unusable.length > 0 && (
        <details open={unusable.length <= 5}>
          <summary>{t('unusableRows')}</summary>
          <ul className="problems" aria-label={t('unusableRows')}>
            {unusable.slice(0, LISTED_PROBLEMS).map((problem) => (
              <li key={problem.row}>{t('rowProblem', { row: problem.row, reason: problem.reason })}</li>
            ))}
            {unusable.length > LISTED_PROBLEMS && <li>{t('andMoreSkipped', { count: formatNumber(unusable.length - LISTED_PROBLEMS) })}</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
