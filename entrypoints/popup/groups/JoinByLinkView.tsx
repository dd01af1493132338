import { useId, useState } from 'react';
import { parseInviteLink } from '@/lib/invite-link';
import { groupProblem, runGroupAction } from './group-api';
import { readInvitePreview, resultText, type InvitePreview } from '@/lib/answers/groups';
import { useGroupsStore } from './groups-store';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';

function PreviewCard({ preview }: { preview: InvitePreview }) {
  return (
    <section className="group-section invite-preview" aria-label="Invite preview">
      {preview.picture && <img src={preview.picture} alt={`Picture of ${preview.subject}`} width={56} height={56} />}
      <dl className="group-info">
        <dt>Group</dt>
        <dd>{preview.subject}</dd>
        <dt>Size</dt>
        <dd>{preview.size !== undefined ? `${preview.size} participant${preview.size === 1 ? '' : 's'}` : 'not given by the server'}</dd>
        <dt>Creator</dt>
        <dd>{preview.creator ? (/^\d+$/.test(preview.creator) ? `+${preview.creator}` : preview.creator) : 'not given by the server'}</dd>
        {preview.description && (
          <>
            <dt>Description</dt>
            <dd className="group-description">{preview.description}</dd>
          </>
        )}
      </dl>
      {(preview.announcement || preview.locked) && (
        <p className="hint">{[preview.announcement && 'Only admins send messages.', preview.locked && 'Only admins edit the group info.'].filter(Boolean).join(' ')}</p>
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
    if (!group) return say({ tone: 'error', text: 'The server answered without describing the group. Check the link, or try again.' });
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
        if (answer.code === 1001 || /pending|approval/i.test(status)) return `Asked to join “${subject}”: an admin of the group has to approve the request.`;
        if (/already/i.test(status)) return `This account is already in “${subject}”.`;
        return `Joined “${subject}”.`;
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
    <form className="panel" aria-label="Join by link" noValidate onSubmit={(e) => { e.preventDefault(); void showPreview(); }}>
      <h2>Join a group with “{sessionId}”</h2>
      <div className="field">
        <label htmlFor={inputId}>Invite link or code</label>
        <input
          id={inputId}
          value={text}
          onChange={(e) => { setText(e.target.value); setPreview(null); setTouched(true); }}
          placeholder="https://chat.whatsapp.com/…"
          aria-invalid={touched && text.trim() !== '' && !parsed.ok}
          autoComplete="off"
          spellCheck={false}
        />
        {touched && text.trim() !== '' && !parsed.ok && <span className="error-text">{parsed.reason}</span>}
      </div>
      {!preview && (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !parsed.ok}>{busy ? 'Looking up…' : 'Preview'}</button>
          <button type="button" onClick={() => show({ name: 'groups', sessionId })}>Cancel</button>
        </div>
      )}
      {preview && (
        <>
          <PreviewCard preview={preview.group} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void join()}>{busy ? 'Joining…' : 'Join'}</button>
            <button type="button" onClick={() => show({ name: 'groups', sessionId })}>Cancel</button>
          </div>
        </>
      )}
    </form>
  );
}
