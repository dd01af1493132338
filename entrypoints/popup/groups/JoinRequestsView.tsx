import { useGroupList } from './use-group-list';
import { describeFailures } from './AddParticipants';
import { DIRECT_LIMIT, runGroupAction, startGroupJob } from './group-api';
import { ago } from '../shared/format';
import { readJoinRequests, resultList, resultStatuses, type GroupSummary, type JoinRequest } from '@/lib/answers/groups';
import { GroupJobs } from './GroupJobs';
import { usePopupStore } from '../shared/store';
import { useGroup } from './use-group';
import { nameAndNumber, useContactNames } from './use-contact-names';
import type { OperationData } from '@/lib/messaging/call-operation';

type Decision = 'approve' | 'reject';

const METHODS: Record<string, string> = { invite_link: 'by invite link', linked_group_join: 'from the community', non_admin_add: 'added by a member' };

function describeDecision(decision: Decision, answer: OperationData, count: number, subject: string): string {
  if (decision === 'approve') {
    const approved = resultList(answer, 'approvedParticipants');
    const failed = resultList(answer, 'failedToApprove');
    return `Approved ${approved.length} of ${count} join request${count === 1 ? '' : 's'} for “${subject}”.${failed.length ? ` Not approved: ${describeFailures(failed)}.` : ''}`;
  }
  const statuses = resultStatuses(answer);
  const rejected = statuses.length ? statuses.filter((s) => s.status === 'rejected').length : count;
  const others = statuses.filter((s) => s.status !== 'rejected');
  return `Rejected ${rejected} of ${count} join request${count === 1 ? '' : 's'} for “${subject}”.${others.length ? ` Not rejected: ${others.map((s) => `+${s.phone} (${s.status})`).join('; ')}.` : ''}`;
}

/** Pending join requests: approve or reject one, several or all. Many go through a background job. */
export function JoinRequestsView({ sessionId, groupId }: { sessionId: string; groupId: string }) {
  const show = usePopupStore((s) => s.show);
  const { group, error: groupError } = useGroup(sessionId, groupId);
  const { items: requests, error, busy, load, act, selected, toggle } = useGroupList('getGroupParticipantsRequests', readJoinRequests, sessionId, groupId);
  const names = useContactNames(sessionId);

  async function decide(decision: Decision, chosen: readonly JoinRequest[], current: GroupSummary) {
    if (chosen.length === 0) return;
    if (chosen.length > DIRECT_LIMIT) {
      const kind = decision === 'approve' ? 'group.approve' : 'group.reject';
      await act(() => startGroupJob(kind, sessionId, current, chosen.map((r) => ({ input: `+${r.phone}`, value: r.ref }))), { reload: false });
      return;
    }
    await act(() =>
      runGroupAction(
        decision === 'approve' ? 'postGroupParticipantsRequestApprove' : 'postGroupParticipantsRequestReject',
        { sessionId, groupId, participants: chosen.map((r) => r.ref) },
        (answer) => describeDecision(decision, answer, chosen.length, current.subject),
        current.subject,
      ),
    );
  }

  const heading = group?.subject ?? 'this group';
  const chosen = (requests ?? []).filter((r) => selected.has(r.ref));
  return (
    <section className="panel" aria-label={`Join requests of ${heading}`}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'group', sessionId, groupId })}><span aria-hidden="true">← </span>Back to group</button>
      </div>
      <h2>Join requests of “{heading}”</h2>
      {(error ?? groupError) && <p className="error-text" role="alert">{error ?? groupError}</p>}
      {!requests && !error && <p className="hint" aria-busy="true">Loading join requests…</p>}
      {requests && requests.length === 0 && <p className="empty">No one is waiting to join.</p>}
      {requests && requests.length > 0 && group && (
        <>
          <p className="hint" aria-live="polite">{requests.length} pending · {selected.size} selected</p>
          <ul className="roster" aria-label={`Join requests (${requests.length})`}>
            {requests.map((request) => {
              const who = nameAndNumber(request.phone, names);
              return (
                <li key={request.ref} aria-label={who}>
                  <label className="check roster-row">
                    <input type="checkbox" checked={selected.has(request.ref)} onChange={() => toggle(request.ref)} aria-label={`Select ${who}`} />
                    <span className="request-who">
                      <span className="roster-name">{who}</span>
                      <span className="hint">{[request.method && (METHODS[request.method] ?? request.method), request.time && ago(request.time * 1000)].filter(Boolean).join(' · ')}</span>
                    </span>
                  </label>
                  <span className="row-actions">
                    <button type="button" className="small" disabled={busy} aria-label={`Approve ${who}`} onClick={() => void decide('approve', [request], group)}>Approve</button>
                    <button type="button" className="small" disabled={busy} aria-label={`Reject ${who}`} onClick={() => void decide('reject', [request], group)}>Reject</button>
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="actions compact">
            <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void decide('approve', chosen, group)}>Approve selected</button>
            <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void decide('reject', chosen, group)}>Reject selected</button>
            <button type="button" className="small" disabled={busy} onClick={() => void decide('approve', requests, group)}>Approve all</button>
            <button type="button" className="small" disabled={busy} onClick={() => void decide('reject', requests, group)}>Reject all</button>
          </div>
        </>
      )}
      <GroupJobs sessionId={sessionId} groupId={groupId} kinds={['group.approve', 'group.reject']} onFinished={() => void load()} />
      <div className="actions">
        <button type="button" disabled={!requests} onClick={() => void load()}>Refresh requests</button>
      </div>
    </section>
  );
}
