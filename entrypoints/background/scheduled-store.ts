import { serialised } from '@/lib/serialised';
import { readChecked, scheduledMessagesItem, StorageFullError, isQuotaError, type ScheduledMessage, type ScheduledMessages } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * The stored scheduled messages (scheduledMessagesItem). The handlers, the alarms and the start-up
 * all change the one stored value: every change goes through one queue and is made on the value
 * as stored, so none is lost, and a state mark is written before anything is sent.
 */

const changes = serialised();

export function readScheduled(): Promise<ScheduledMessages> {
  return readChecked(scheduledMessagesItem);
}

async function write(next: ScheduledMessages): Promise<void> {
  try {
    await scheduledMessagesItem.item.setValue(next);
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError(t('theScheduled')) : error;
  }
}

/** Changes the whole stored value (null: nothing to write). */
export function changeScheduled<T>(change: (state: ScheduledMessages) => { next: ScheduledMessages | null; answer: T }): Promise<T> {
  return changes(async () => {
    const { next, answer } = change(await readScheduled());
    if (next) await write(next);
    return answer;
  });
}

/**
 * Changes one message, as stored now: `change` answers the new message, or null to leave it
 * (e.g. its state no longer allows the step). Answers the message after the change, or undefined
 * when it is gone.
 */
export function updateScheduled(id: string, change: (message: ScheduledMessage) => ScheduledMessage | null): Promise<{ message: ScheduledMessage; changed: boolean } | undefined> {
  return changeScheduled<{ message: ScheduledMessage; changed: boolean } | undefined>((state) => {
    const index = state.messages.findIndex((m) => m.id === id);
    if (index < 0) return { next: null, answer: undefined };
    const current = state.messages[index]!;
    const next = change(current);
    if (!next) return { next: null, answer: { message: current, changed: false } };
    const messages = [...state.messages];
    messages[index] = next;
    return { next: { ...state, messages }, answer: { message: next, changed: true } };
  });
}
