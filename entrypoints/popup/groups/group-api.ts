import type { ApiError } from '@/lib/warest/api-result';
import type { OperationId } from '@/lib/warest/catalog';
import { askBackground } from '@/lib/messaging/ask-background';
import type { OperationData, OperationInputs } from '@/lib/messaging/call-operation';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { runAndSay } from '../shared/run-operation';

/**
 * Group operations from the popup: one call to the background per operation, and the outcome
 * in words. Failures that groups have their own reasons for (not an admin, group gone, link
 * reset) get their own advice; everything else keeps the client's "what to do".
 */

function quoted(words: string | undefined): string {
  return words ? ` The server said: “${words}”.` : '';
}

/** A failure about a group, explained: what happened and what to do. */
export function groupProblem(error: ApiError, groupName?: string): string {
  const group = groupName ? `“${groupName}”` : 'this group';
  const said = quoted(error.serverMessage);
  if (error.code === 5008 || (error.kind === 'forbidden' && /admin/i.test(error.serverMessage ?? ''))) {
    return `Only admins of ${group} can do this, and this WhatsApp account is not one. Ask an admin to make it an admin, then try again.${said}`;
  }
  if (/invite link is invalid|revoked/i.test(error.serverMessage ?? '')) {
    return `This invite link does not work any more: it may have been reset, or it was mistyped. Ask for a new link.${said}`;
  }
  if (error.code === 2604 || (error.kind === 'not-found' && /group/i.test(error.serverMessage ?? ''))) {
    return `${groupName ? `Group ${group}` : 'The group'} was not found: this account may have left it, or it was deleted. Go back to the group list to see the current groups.${said}`;
  }
  if (error.code === 5009) return `The group name is too long for WhatsApp (at most 100 characters). Shorten it and try again.${said}`;
  if (error.code === 5010) return `The description is too long for WhatsApp (at most 2048 characters). Shorten it and try again.${said}`;
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
  const verb = kind === 'group.add' ? `Adding ${items.length} numbers to` : kind === 'group.approve' ? `Approving ${items.length} join requests of` : `Rejecting ${items.length} join requests of`;
  say({ tone: 'ok', text: `${verb} “${group.subject}” in the background. The progress is shown below; closing the popup does not stop it.` });
  return true;
}
