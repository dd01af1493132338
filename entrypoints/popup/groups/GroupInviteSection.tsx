import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { groupProblem, runGroupAction } from './group-api';
import { resultText, type GroupSummary } from '@/lib/answers/groups';
import { usePopupStore } from '../shared/store';
import { callActive, copyAndSay } from '../shared/run-operation';

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
    if (!found) return say({ tone: 'error', text: 'The server answered without an invite link. Try again; if it persists, check the server version.' });
    setLink(found);
  }

  async function reset() {
    setConfirming(false);
    setBusy(true);
    const data = await runGroupAction('postGroupInviteRevoke', { sessionId, groupId: group.id }, () => `The invite link of “${group.subject}” was reset: the old link no longer works.`, group.subject);
    setBusy(false);
    const fresh = data && resultText(data, 'inviteLink');
    if (fresh) setLink(fresh);
    else if (data) setLink(null);
  }

  function copy() {
    if (!link) return;
    void copyAndSay(link, 'Invite link copied.', ' Select the link and copy it by hand.');
  }

  return (
    <section className="group-section" aria-label="Invite link">
      <h3>Invite link</h3>
      {notAdmin && <p className="hint">Only admins can see and reset the invite link.</p>}
      {link && (
        <p className="invite-link">
          <output aria-label="Invite link">{link}</output>
        </p>
      )}
      <div className="actions compact">
        {!link && <button type="button" className="small" disabled={busy || notAdmin} onClick={() => void showLink()}>{busy ? 'Loading…' : 'Show invite link'}</button>}
        {link && <button type="button" className="small" onClick={copy}>Copy link</button>}
        <button type="button" className="small danger" disabled={busy || notAdmin} onClick={() => setConfirming(true)}>Reset link</button>
      </div>
      {confirming && (
        <ConfirmDialog title={`Reset the invite link of “${group.subject}”?`} confirmLabel="Reset link" onCancel={() => setConfirming(false)} onConfirm={() => void reset()}>
          The current link stops working at once: people who have it can no longer join with it. WhatsApp makes a new link that you can share again.
        </ConfirmDialog>
      )}
    </section>
  );
}
