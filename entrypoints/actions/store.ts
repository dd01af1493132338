import { create } from 'zustand';
import type { ApiError } from '@/lib/warest/api-result';
import { findOperation, type Operation, type OperationId } from '@/lib/warest/catalog';
import { emptyForm, readForm, type FormState } from '@/lib/explorer/form';
import type { FilePayload } from '@/lib/warest/file-payload';
import type { SessionSummary } from '@/lib/sessions';
import { readChecked, snapshotsItem, type ProfileSnapshot } from '@/lib/storage';
import { newestWins } from '@/lib/ui/latest';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { askBackground } from '@/lib/messaging/ask-background';
import { callOperation, type OperationData } from '@/lib/messaging/call-operation';

/**
 * The "All actions" page: which server and operation are chosen, the form's fields, and the
 * last outcome. The chosen server and operation live in the address (?profile=&op=), so a
 * reload or a bookmark comes back to the same place. The server is the shared profile choice
 * (useProfileChoice): the address's, else the default, else the first.
 */

export type Outcome =
  | { operationId: OperationId; ok: true; data: OperationData }
  | { operationId: OperationId; ok: false; error: ApiError };

interface ExplorerState {
  loaded: boolean;
  snapshots: Record<string, ProfileSnapshot>;
  search: string;
  operation: Operation<OperationId> | null;
  form: FormState;
  /** The session field holds what the page chose (or is empty awaiting sessions), not what the person typed. */
  sessionIsDefault: boolean;
  /** Field errors are shown once the person has tried to run or copy. */
  showErrors: boolean;
  running: boolean;
  outcome: Outcome | null;
  load(): Promise<void>;
  chooseProfile(profileId: string): void;
  setSearch(search: string): void;
  /** `focusForm`: the person came by keyboard (Enter in the search): the form's first field takes the focus. */
  choose(operationId: string, options?: { focusForm?: boolean }): void;
  /** Set by choose({ focusForm }), cleared by the form once it took the focus. */
  focusForm: boolean;
  formFocused(): void;
  setText(name: string, value: string): void;
  setFiles(name: string, files: FilePayload[]): void;
  revealErrors(): void;
  run(inputs: Record<string, unknown>): Promise<void>;
}

function writeAddress(profileId: string | null, operationId: string | null) {
  const params = new URLSearchParams();
  if (profileId) params.set('profile', profileId);
  if (operationId) params.set('op', operationId);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}

/** Fresh session ids for the session fields' suggestions; the answer arrives through storage. */
function refreshSessions(profileId: string) {
  void askBackground('sessions.refresh', { profileId });
}

/** The first open session is the likeliest one to act on. */
function defaultSession(sessions: readonly SessionSummary[]): string | undefined {
  return (sessions.find((s) => s.status === 'open') ?? sessions[0])?.id;
}

export const useExplorerStore = create<ExplorerState>((set, get) => {
  /** Runs, under the pages' one rule for late answers: choosing another operation or server is newer than any run. */
  const runs = newestWins();
  useProfileChoice.subscribe((state, previous) => {
    if (state.activeProfileId !== previous.activeProfileId) runs.drop();
  });
  /** Puts the page's choice of session in the form, leaving it marked as the page's choice. */
  const fillSession = (sessionId: string) => set((state) => ({ form: { ...state.form, text: { ...state.form.text, sessionId } } }));
  return {
    loaded: false,
    snapshots: {},
    search: '',
    operation: null,
    form: { text: {}, files: {} },
    sessionIsDefault: false,
    showErrors: false,
    running: false,
    outcome: null,
    focusForm: false,
    formFocused: () => set({ focusForm: false }),

    async load() {
      const params = new URLSearchParams(location.search);
      const [snapshots] = await Promise.all([readChecked(snapshotsItem), useProfileChoice.getState().load([params.get('profile')])]);
      const profileId = useProfileChoice.getState().activeProfileId;
      set({ loaded: true, snapshots });
      if (profileId) refreshSessions(profileId);
      const operationId = params.get('op');
      if (operationId && findOperation(operationId)) get().choose(operationId);
      else writeAddress(profileId, null);
      snapshotsItem.item.watch(async () => {
        const next = await readChecked(snapshotsItem);
        set({ snapshots: next });
        // Sessions often arrive after the form was made (the page asked for a refresh on opening):
        // an empty session field then gets the likeliest session, as it would have at once.
        const { operation, form } = get();
        const current = useProfileChoice.getState().activeProfileId;
        const fresh = current ? defaultSession(next[current]?.sessions ?? []) : undefined;
        if (get().sessionIsDefault && operation?.needsSession && fresh && form.text.sessionId === '') fillSession(fresh);
      });
    },

    chooseProfile(profileId) {
      useProfileChoice.getState().choose(profileId);
      set({ outcome: null });
      // A session chosen for the previous server means nothing on this one; one the person typed stays.
      if (get().sessionIsDefault && get().operation?.needsSession) fillSession(defaultSession(get().snapshots[profileId]?.sessions ?? []) ?? '');
      refreshSessions(profileId);
      writeAddress(profileId, get().operation?.id ?? null);
    },
    setSearch: (search) => set({ search }),

    choose(operationId, options = {}) {
      const operation = findOperation(operationId);
      if (!operation) return;
      runs.drop();
      const { snapshots } = get();
      const profileId = useProfileChoice.getState().activeProfileId;
      const sessions = profileId ? (snapshots[profileId]?.sessions ?? []) : [];
      const sessionId = defaultSession(sessions);
      set({ operation, form: emptyForm(operation, { sessionId }), sessionIsDefault: true, showErrors: false, outcome: null, focusForm: !!options.focusForm });
      writeAddress(profileId, operationId);
    },

    setText: (name, value) =>
      set((state) => ({
        form: { ...state.form, text: { ...state.form.text, [name]: value } },
        sessionIsDefault: state.sessionIsDefault && name !== 'sessionId',
      })),
    setFiles: (name, files) => set((state) => ({ form: { ...state.form, files: { ...state.form.files, [name]: files } } })),
    revealErrors: () => set({ showErrors: true }),

    async run(inputs) {
      const { operation } = get();
      const profileId = useProfileChoice.getState().activeProfileId;
      if (!operation) return;
      const current = runs.begin();
      set({ running: true, outcome: null });
      const reply = await callOperation(operation.id, inputs, { profileId });
      // The person may have chosen another operation or server meanwhile: that page must not show this answer.
      if (!current()) return set({ running: false });
      set({ running: false, outcome: reply.ok ? { operationId: operation.id, ok: true, data: reply.data } : { operationId: operation.id, ok: false, error: reply.error } });
    },
  };
});

/** The form's inputs and field errors right now. */
export function currentForm(state: Pick<ExplorerState, 'operation' | 'form'>) {
  return state.operation ? readForm(state.operation, state.form) : { inputs: {}, errors: {} };
}
