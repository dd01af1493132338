import { useEffect, useRef, useState } from 'react';
import { emptyForm, formFromDraft, type ComposeForm } from '@/lib/compose';
import { recipientFromJid, type RecipientValue } from '@/lib/recipient';
import { composeDraftKey, composeDraftsItem, readChecked, type ComposeDraft } from '@/lib/storage';

const SAVE_DELAY_MS = 250;

/**
 * A chat's recipient: with its name, chosen as that group or person (sent to its JID, shown by
 * its name); without one, its JID typed in the number field.
 */
export function recipientFor(to: string | undefined, toName: string | undefined): RecipientValue {
  if (!to || !toName) return recipientFromJid(to);
  const jid = recipientFromJid(to).text;
  return { mode: /@g\.us$/i.test(jid) ? 'group' : 'contact', text: '', jid, label: toName };
}

/**
 * The composer's form, restored from this profile+session's draft and saved back shortly after
 * every change, so closing the popup loses nothing. A recipient given by the caller (a chat's
 * "Send") wins over the draft's.
 */
export function useComposeDraft(profileId: string | null, sessionId: string, to: string | undefined, toName?: string) {
  const [form, setForm] = useState<ComposeForm | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const key = profileId ? composeDraftKey(profileId, sessionId) : null;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /**
   * Every draft as last read or written. Writing from this copy takes one storage call, with no
   * read first, so a write started as the popup closes has the best chance to land.
   */
  const drafts = useRef<Record<string, ComposeDraft>>({});

  useEffect(() => {
    let live = true;
    const fresh = emptyForm('text', recipientFor(to, toName));
    if (!key) {
      setForm(fresh);
      return;
    }
    void readChecked(composeDraftsItem).then((stored) => {
      if (!live) return;
      drafts.current = stored;
      const draft = stored[key];
      const restored = formFromDraft(draft, fresh);
      setForm(to ? { ...restored, recipient: fresh.recipient } : restored);
      if (draft) setSavedAt(draft.savedAt);
    });
    return () => {
      live = false;
    };
  }, [key, to, toName]);

  /** The change not yet written, written at once if the popup is being closed. */
  const pending = useRef<ComposeForm | null>(null);

  function write(next: ComposeForm) {
    if (!key) return;
    pending.current = null;
    const at = Date.now();
    drafts.current = { ...drafts.current, [key]: { ...next, savedAt: at } };
    composeDraftsItem.item.setValue(drafts.current).then(
      () => setSavedAt(at),
      (error: unknown) => console.error('WARest Companion: could not save the draft', error instanceof Error ? error.message : error),
    );
  }

  function save(next: ComposeForm) {
    if (!key) return;
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => write(next), SAVE_DELAY_MS);
  }

  // A popup closes without warning: when it is hidden, write the last change now.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState !== 'hidden' || !pending.current) return;
      clearTimeout(timer.current);
      write(pending.current);
    };
    document.addEventListener('visibilitychange', flush);
    return () => document.removeEventListener('visibilitychange', flush);
  });

  // The latest form, so several changes in one event (file + its name) build on each other.
  const latest = useRef<ComposeForm | null>(null);
  latest.current = form;

  function update(patch: Partial<ComposeForm>) {
    const current = latest.current;
    if (!current) return;
    const next = { ...current, ...patch };
    latest.current = next;
    setForm(next);
    save(next);
  }

  /** After a successful send: forget the draft, keep the type and recipient for the next one. */
  async function clear() {
    clearTimeout(timer.current);
    pending.current = null;
    setForm((current) => (current ? emptyForm(current.type, current.recipient) : current));
    setSavedAt(null);
    if (!key) return;
    const { [key]: _sent, ...rest } = drafts.current;
    drafts.current = rest;
    await composeDraftsItem.item.setValue(rest);
  }

  // Leaving the composer (Back, another view) writes the last change at once instead of dropping it.
  const flushOnLeave = useRef(() => {});
  flushOnLeave.current = () => {
    clearTimeout(timer.current);
    if (pending.current) write(pending.current);
  };
  useEffect(() => () => flushOnLeave.current(), []);
  return { form, update, clear, savedAt };
}
