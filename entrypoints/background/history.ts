import { addToHistory, describeOutcome, keptInputs, type HistoryEntry } from '@/lib/history';
import { findOperation } from '@/lib/warest/catalog';
import type { ApiError } from '@/lib/warest/api-result';
import { historyItem, profilesItem, readChecked } from '@/lib/storage';
import { serialised } from '@/lib/serialised';

/**
 * Records each operation a page ran (operation.call) in the history (lib/history.ts). A leaf:
 * operations.ts calls it once per call. Writes are queued so two calls at once both land, and a
 * failure to record never changes the call's reply.
 */

const queue = serialised();

export interface Recorded {
  profileId?: string | undefined;
  operationId: string;
  inputs?: Record<string, unknown> | undefined;
}

export function recordOperation(call: Recorded, reply: { ok: true; data: { status?: number; message?: string } } | { ok: false; error: ApiError }): void {
  void queue(async () => {
    const profiles = await readChecked(profilesItem);
    const profileId = call.profileId ?? profiles.defaultProfileId ?? undefined;
    const profile = profiles.profiles.find((p) => p.id === profileId);
    const inputs = keptInputs(call.inputs);
    const sessionId = typeof call.inputs?.sessionId === 'string' ? call.inputs.sessionId : undefined;
    const operation = findOperation(call.operationId);
    const entry: HistoryEntry = {
      id: crypto.randomUUID(),
      at: Date.now(),
      operationId: call.operationId,
      label: operation?.label ?? call.operationId,
      ...(operation && { method: operation.method }),
      server: profile?.name ?? '',
      ...(profile && { profileId: profile.id }),
      ...(sessionId && { sessionId }),
      ok: reply.ok,
      result: describeOutcome(reply.ok ? { ok: true, ...(reply.data.status !== undefined && { status: reply.data.status }), ...(reply.data.message && { message: reply.data.message }) } : reply),
      ...(inputs && { inputs }),
    };
    await historyItem.item.setValue(addToHistory(await readChecked(historyItem), entry));
  }).catch(() => undefined);
}
