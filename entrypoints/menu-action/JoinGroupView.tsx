import { useState } from 'react';
import { useLatest } from '@/components/use-latest';
import type { Reply } from '@/lib/messaging/protocol';
import { parseInviteLink } from '@/lib/invite-link';
import { describeJoin, explainError, readInvitePreview, type InvitePreview } from '@/lib/answers/menu-results';
import { callOperation } from '@/lib/messaging/call-operation';
import { notify } from './notify';
import { Outcome, type OutcomeState } from './Outcome';
import { ServerPicker } from './ServerPicker';
import type { ServerChoice } from './use-server-choice';
import { withNodes } from './with-nodes';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

type Preview = { state: 'loading' } | { state: 'ok'; preview: InvitePreview } | { state: 'error'; message: string };

/** "Preview and join group…": the invite's group first, then a Join button per open session. */
export function JoinGroupView({ url, choice }: { url: string; choice: ServerChoice }) {
  const invite = parseInviteLink(url);
  const { profileId, openSessions, profileName } = choice;
  const previewSession = openSessions[0]?.id;
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<OutcomeState | null>(null);
  const link = invite.ok ? invite.link : '';
  const latest = useLatest(async (): Promise<Reply<InvitePreview | null>> => {
    // Nothing to look up yet (no open session to ask with): the view shows no preview then.
    if (!link || !profileId || !previewSession) return { ok: true, data: null };
    const reply = await callOperation('getGroupJoinViaLink', { sessionId: previewSession, inviteLink: link }, { profileId });
    if (!reply.ok) return reply;
    const read = readInvitePreview(reply.data.results);
    return read ? { ok: true, data: read } : { ok: false, error: { kind: 'bad-response', message: t('noGroupDetails') } };
  }, [link, profileId, previewSession]);
  const preview: Preview = latest.loading || (!latest.data && !latest.error)
    ? { state: 'loading' }
    : latest.error
      ? { state: 'error', message: explainError(latest.error) }
      : { state: 'ok', preview: latest.data! };

  if (!invite.ok) return <p className="banner error" role="alert">{invite.reason}</p>;

  const join = async (sessionId: string, subject: string) => {
    if (!profileId) return;
    setBusy(sessionId);
    const reply = await callOperation('postGroupJoinViaLink', { sessionId, inviteLink: link }, { profileId });
    setBusy(null);
    if (reply.ok) {
      const text = describeJoin(reply.data.code, reply.data.results, subject, sessionId);
      setOutcome({ ok: true, text });
      await notify('join-group', true, t('notifyGroup', { subject }), text);
    } else {
      const text = t('couldNotJoinText', { session: sessionId, subject, error: explainError(reply.error) });
      setOutcome({ ok: false, text });
      await notify('join-group', false, t('notifyCouldNotJoin', { subject }), text);
    }
  };

  return (
    <>
      <p className="hint">{withNodes(t('inviteLink'), { link: <span className="mono">{link}</span> })}</p>
      <ServerPicker choice={choice} sessions={false} />
      {previewSession && preview.state === 'loading' && <p className="hint" role="status" aria-busy="true">{t('lookingUpGroup')}</p>}
      {previewSession && preview.state === 'error' && <p className="banner error" role="alert">{t('previewFailed', { error: preview.message })}</p>}
      {previewSession && preview.state === 'ok' && (
        <section className="card" aria-label={t('groupPreview')}>
          <h2>{preview.preview.subject}</h2>
          <dl className="facts">
            {preview.preview.size !== undefined && (<><dt>{t('members')}</dt><dd>{preview.preview.size}</dd></>)}
            {preview.preview.creator && (<><dt>{t('createdBy')}</dt><dd>{preview.preview.creator}</dd></>)}
            {preview.preview.announcement && (<><dt>{t('messages')}</dt><dd>{t('onlyAdminsSend')}</dd></>)}
          </dl>
          {preview.preview.description && <p className="description">{preview.preview.description}</p>}
          <h3 className="subhead">{t('joinWithSessionOf', { server: profileName })}</h3>
          <div className="actions">
            {openSessions.map((s) => (
              <button key={s.id} type="button" className="primary" disabled={busy !== null} onClick={() => void join(s.id, preview.preview.subject)}>
                {busy === s.id ? t('joiningWith', { session: s.id }) : t('joinWith', { session: s.id })}
              </button>
            ))}
          </div>
        </section>
      )}
      {outcome && <Outcome outcome={outcome} />}
    </>
  );
}
