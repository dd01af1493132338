import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { groupProblem, runGroupAction } from './group-api';
import { resultText, type GroupSummary } from '@/lib/answers/groups';
import { usePopupStore } from '../shared/store';
import { callActive, copyAndSay } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

/** The group's invite link: show it, copy it, reset it (after asking). Admins only. */
export function GroupInviteSection({ sessionId, group }: { sessionId: string; group: GroupSummary }) {
  const say = usePopupStore((s) => s.say);
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const notAdmin = group.amAdmin === false;

  async function showLink() {
    setBusy(true);
    const reply = await callActive('getGroupInvite', { sessionId, groupId: group.id });
    setBusy(false);
    if (!reply.ok) return say({ tone: 'error', text: groupProblem(reply.error, group.subject) });
    const found = resultText(reply.data, 'inviteLink');
    if (!found) return say({ tone: 'error', text: t('noInviteLink') });
    setLink(found);
  }

  async function reset() {
    setConfirming(false);
    setBusy(true);
    const data = await runGroupAction('postGroupInviteRevoke', { sessionId, groupId: group.id }, () => t('linkReset', { name: group.subject }), group.subject);
    setBusy(false);
    const fresh = data && resultText(data, 'inviteLink');
    if (fresh) setLink(fresh);
    else if (data) setLink(null);
  }

  function copy() {
    if (!link) return;
    void copyAndSay(link, t('linkCopied'), t('copyByHand'));
  }

  return (
    <section className="group-section" aria-label={t('inviteLink')}>
      <h3>{t('inviteLink')}</h3>
      {notAdmin && <p className="hint">{t('onlyAdminsLink')}</p>}
      {link && (
        <p className="invite-link">
          <output aria-label={t('inviteLink')}>{link}</output>
        </p>
      )}
      <div className="actions compact">
        {!link && <button type="button" className="small" disabled={busy || notAdmin} onClick={() => void showLink()}>{busy ? t('loading') : t('showInviteLink')}</button>}
        {link && <button type="button" className="small" onClick={copy}>{t('copyLink')}</button>}
        <button type="button" className="small danger" disabled={busy || notAdmin} onClick={() => setConfirming(true)}>{t('resetLink')}</button>
      </div>
      {confirming && (
        <ConfirmDialog title={t('resetTitle', { name: group.subject })} confirmLabel={t('resetLink')} onCancel={() => setConfirming(false)} onConfirm={() => void reset()}>
          {t('resetBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
