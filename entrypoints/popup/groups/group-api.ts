import type { ApiError } from '@/lib/warest/api-result';
import type { OperationId } from '@/lib/warest/catalog';
import { askBackground } from '@/lib/messaging/ask-background';
import type { OperationData, OperationInputs } from '@/lib/messaging/call-operation';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { runAndSay } from '../shared/run-operation';
import { textsOf } from '@/lib/i18n';

const t = textsOf('groups');
const popupTexts = textsOf('popup');

/**
 * Group operations from the popup: one call to the background per operation, and the outcome
 * in words. Failures that groups have their own reasons for (not an admin, group gone, link
 * reset) get their own advice; everything else keeps the client's "what to do".
 */

/** The problem, with the server's own words when it gave some. */
function withSaid(text: string, error: ApiError): string {
  return error.serverMessage ? popupTexts('withServerWords', { text, message: error.serverMessage }) : text;
}

/** A failure about a group, explained: what happened and what to do. */
export function groupProblem(error: ApiError, groupName?: string): string {
  const name = groupName ? { name: groupName } : undefined;
  if (error.code === 5008 || (error.kind === 'forbidden' && /admin/i.test(error.serverMessage ?? ''))) {
    return withSaid(name ? t('notAdminNamed', name) : t('notAdmin'), error);
  }
  if (/invite link is invalid|revoked/i.test(error.serverMessage ?? '')) return withSaid(t('linkInvalid'), error);
  if (error.code === 2604 || (error.kind === 'not-found' && /group/i.test(error.serverMessage ?? ''))) {
    return withSaid(name ? t('notFoundNamed', name) : t('notFound'), error);
  }
  if (error.code === 5009) return withSaid(t('nameTooLongServer'), error);
  if (error.code === 5010) return withSaid(t('descriptionTooLongServer'), error);
  return error.message;
}

/**
 * Runs one group operation and puts its outcome in the popup's banner. Answers the data on
 * success, null on failure.
 */
export async function runGroupAction(
  operationId: OperationId,
  inputs: OperationInputs,
  describe: (data: OperationData) => string,
  groupName?: string,
): Promise<OperationData | null> {
  return runAndSay(operationId, inputs, describe, (error) => groupProblem(error, groupName));
}

/** Above this many items, participants and join requests go through a background job. */
export const DIRECT_LIMIT = 5;

/**
 * Starts a background job over many numbers of one group; its progress shows in the group's
 * views (GroupJobs). Answers whether it started.
 */
export async function startGroupJob(
  kind: 'group.add' | 'group.approve' | 'group.reject',
  sessionId: string,
  group: { id: string; subject: string },
  items: Array<{ input: string; value: string }>,
): Promise<boolean> {
  const { say } = usePopupStore.getState();
  const { activeProfileId } = useProfileChoice.getState();
  const reply = await askBackground('jobs.start', { kind, ...(activeProfileId && { profileId: activeProfileId }), sessionId, groupId: group.id, groupName: group.subject, items });
  if (!reply.ok) {
    say({ tone: 'error', text: reply.error.message });
    return false;
  }
  const started = { count: items.length, name: group.subject };
  say({ tone: 'ok', text: kind === 'group.add' ? t('jobAdding', started) : kind === 'group.approve' ? t('jobApproving', started) : t('jobRejecting', started) });
  return true;
}
