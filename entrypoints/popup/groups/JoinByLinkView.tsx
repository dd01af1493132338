import { useId, useState } from 'react';
import { parseInviteLink } from '@/lib/invite-link';
import { groupProblem, runGroupAction } from './group-api';
import { readInvitePreview, resultText, type InvitePreview } from '@/lib/answers/groups';
import { useGroupsStore } from './groups-store';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');
const common = textsOf('common');

function PreviewCard({ preview }: { preview: InvitePreview }) {
  return (
    <section className="group-section invite-preview" aria-label={t('invitePreview')}>
      {preview.picture && <img src={preview.picture} alt={t('pictureOf', { name: preview.subject })} width={56} height={56} />}
      <dl className="group-info">
        <dt>{t('group')}</dt>
        <dd>{preview.subject}</dd>
        <dt>{t('size')}</dt>
        <dd>{preview.size !== undefined ? t.count('participantCount', preview.size) : t('notGiven')}</dd>
        <dt>{t('creator')}</dt>
        <dd>{preview.creator ? (/^\d+$/.test(preview.creator) ? `+${preview.creator}` : preview.creator) : t('notGiven')}</dd>
        {preview.description && (
          <>
            <dt>{t('description')}</dt>
            <dd className="group-description">{preview.description}</dd>
          </>
        )}
      </dl>
      {(preview.announcement || preview.locked) && (
        <p className="hint">{[preview.announcement && t('previewAnnounce'), preview.locked && t('previewLocked')].filter(Boolean).join(' ')}</p>
      )}
    </section>
  );
}

/** Paste an invite link or code; the group is always previewed before "Join" is offered. */
export function JoinByLinkView({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  const say = usePopupStore((s) => s.say);
  const loadList = useGroupsStore((s) => s.loadList);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [preview, setPreview] = useState<{ link: string; group: InvitePreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const parsed = parseInviteLink(text);

  async function showPreview() {
    setTouched(true);
    if (!parsed.ok) return;
    setBusy(true);
    const reply = await callActive('getGroupJoinViaLink', { sessionId, inviteLink: parsed.link });
    setBusy(false);
    if (!reply.ok) return say({ tone: 'error', text: groupProblem(reply.error) });
    const group = readInvitePreview(reply.data);
    if (!group) return say({ tone: 'error', text: t('noPreview') });
    say(null);
    setPreview({ link: parsed.link, group });
  }

  async function join() {
    if (!preview) return;
    setBusy(true);
    const subject = preview.group.subject;
    const data = await runGroupAction(
      'postGroupJoinViaLink',
      { sessionId, inviteLink: preview.link },
      (answer) => {
        const status = resultText(answer, 'status') ?? '';
        if (answer.code === 1001 || /pending|approval/i.test(status)) return t('askedToJoin', { name: subject });
        if (/already/i.test(status)) return t('alreadyIn', { name: subject });
        return t('joined', { name: subject });
      },
      subject,
    );
    setBusy(false);
    if (!data) return;
    void loadList(sessionId, true);
    const groupId = resultText(data, 'groupId') ?? preview.group.groupId;
    const pending = data.code === 1001 || /pending|approval/i.test(resultText(data, 'status') ?? '');
    if (!pending) show(groupId ? { name: 'group', sessionId, groupId } : { name: 'groups', sessionId });
  }

  return (
    <form className="panel" aria-label={t('joinByLink')} noValidate onSubmit={(e) => { e.preventDefault(); void showPreview(); }}>
      <h2>{t('joinWith', { session: sessionId })}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('inviteLinkOrCode')}</label>
        <input
          id={inputId}
          value={text}
          onChange={(e) => { setText(e.target.value); setPreview(null); setTouched(true); }}
          placeholder={t('inviteLinkPlaceholder')}
          aria-invalid={touched && text.trim() !== '' && !parsed.ok}
          autoComplete="off"
          spellCheck={false}
        />
        {touched && text.trim() !== '' && !parsed.ok && <span className="error-text">{parsed.reason}</span>}
      </div>
      {!preview && (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !parsed.ok}>{busy ? t('lookingUp') : t('preview')}</button>
          <button type="button" onClick={() => show({ name: 'groups', sessionId })}>{common('cancel')}</button>
        </div>
      )}
      {preview && (
        <>
          <PreviewCard preview={preview.group} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void join()}>{busy ? t('joining') : t('join')}</button>
            <button type="button" onClick={() => show({ name: 'groups', sessionId })}>{common('cancel')}</button>
          </div>
        </>
      )}
    </form>
  );
}
