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
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');

type Decision = 'approve' | 'reject';

/** The server's names for how a request came, and their message keys. */
const METHODS: Record<string, Parameters<typeof t>[0]> = { invite_link: 'methodInviteLink', linked_group_join: 'methodCommunity', non_admin_add: 'methodMemberAdd' };

/** How a request came, in words; a method this does not know, as the server names it. */
function methodWords(method: string): string {
  const key = METHODS[method];
  return key ? t(key) : method;
}

function describeDecision(decision: Decision, answer: OperationData, count: number, subject: string): string {
  if (decision === 'approve') {
    const approved = resultList(answer, 'approvedParticipants');
    const failed = resultList(answer, 'failedToApprove');
    const text = t.count('approved', count, { done: approved.length, name: subject });
    return failed.length ? text + t('notApprovedSuffix', { list: describeFailures(failed) }) : text;
  }
  const statuses = resultStatuses(answer);
  const rejected = statuses.length ? statuses.filter((s) => s.status === 'rejected').length : count;
  const others = statuses.filter((s) => s.status !== 'rejected');
  const text = t.count('rejected', count, { done: rejected, name: subject });
  return others.length ? text + t('notRejectedSuffix', { list: others.map((s) => `+${s.phone} (${s.status})`).join('; ') }) : text;
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

  const heading = group?.subject ?? t('thisGroup');
  const chosen = (requests ?? []).filter((r) => selected.has(r.ref));
  return (
    <section className="panel" aria-label={t('joinRequestsOf', { name: heading })}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'group', sessionId, groupId })}><span aria-hidden="true">← </span>{t('backToGroup')}</button>
      </div>
      <h2>{t('joinRequestsOfHeading', { name: heading })}</h2>
      {(error ?? groupError) && <p className="error-text" role="alert">{error ?? groupError}</p>}
      {!requests && !error && <p className="hint" aria-busy="true">{t('loadingRequests')}</p>}
      {requests && requests.length === 0 && <p className="empty">{t('noRequests')}</p>}
      {requests && requests.length > 0 && group && (
        <>
          <p className="hint" aria-live="polite">{t('pendingSelected', { pending: requests.length, selected: selected.size })}</p>
          <ul className="roster" aria-label={t('requestsList', { count: requests.length })}>
            {requests.map((request) => {
              const who = nameAndNumber(request.phone, names);
              return (
                <li key={request.ref} aria-label={who}>
                  <label className="check roster-row">
                    <input type="checkbox" checked={selected.has(request.ref)} onChange={() => toggle(request.ref)} aria-label={t('selectWho', { name: who })} />
                    <span className="request-who">
                      <span className="roster-name">{who}</span>
                      <span className="hint">{[request.method && methodWords(request.method), request.time && ago(request.time * 1000)].filter(Boolean).join(' · ')}</span>
                    </span>
                  </label>
                  <span className="row-actions">
                    <button type="button" className="small" disabled={busy} aria-label={t('approveWho', { name: who })} onClick={() => void decide('approve', [request], group)}>{t('approve')}</button>
                    <button type="button" className="small" disabled={busy} aria-label={t('rejectWho', { name: who })} onClick={() => void decide('reject', [request], group)}>{t('reject')}</button>
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="actions compact">
            <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void decide('approve', chosen, group)}>{t('approveSelected')}</button>
            <button type="button" className="small" disabled={busy || chosen.length === 0} onClick={() => void decide('reject', chosen, group)}>{t('rejectSelected')}</button>
            <button type="button" className="small" disabled={busy} onClick={() => void decide('approve', requests, group)}>{t('approveAll')}</button>
            <button type="button" className="small" disabled={busy} onClick={() => void decide('reject', requests, group)}>{t('rejectAll')}</button>
          </div>
        </>
      )}
      <GroupJobs sessionId={sessionId} groupId={groupId} kinds={['group.approve', 'group.reject']} onFinished={() => void load()} />
      <div className="actions">
        <button type="button" disabled={!requests} onClick={() => void load()}>{t('refreshRequests')}</button>
      </div>
    </section>
  );
}
