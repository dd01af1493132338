import { DEFAULT_PACING, pacingProblem } from '@/lib/campaigns/pacing';
import { collectRecipients, parseClock, renderAll, type CollectedRecipients, type RenderProblem } from '@/lib/campaigns/draft';
import type { CsvTable } from '@/lib/campaigns/recipients-csv';
import { MAX_CAMPAIGN_FILE_BYTES, type CampaignMessageKind } from '@/lib/campaigns/campaign';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { FilePayload } from '@/lib/warest/file-payload';
import { t } from './words';

/** The new-campaign form as typed, and how it becomes a `campaigns.start` request (every problem found first). */

export interface DraftForm {
  name: string;
  sessionId: string;
  sourceKind: 'paste' | 'csv' | 'group' | 'contacts';
  pasteText: string;
  csv?: { fileName: string; table: CsvTable; phoneColumn: number };
  csvError?: string;
  /** Loaded from a group (its subject) or, without `group`, from the session's contacts. */
  people?: { group?: string; people: Array<{ phone: string; name?: string }> };
  checkNumbers: boolean;
  kind: CampaignMessageKind;
  template: string;
  file?: FilePayload & { size: number };
  minDelay: string;
  maxDelay: string;
  dailyCap: string;
  windowOn: boolean;
  windowStart: string;
  windowEnd: string;
  days: number[];
  timeZone: string;
  typing: boolean;
  startMode: 'now' | 'later';
  startAt: string;
}

export function emptyForm(sessionId: string): DraftForm {
  return {
    name: '',
    sessionId,
    sourceKind: 'paste',
    pasteText: '',
    checkNumbers: false,
    kind: 'text',
    template: '',
    minDelay: String(DEFAULT_PACING.minDelaySec),
    maxDelay: String(DEFAULT_PACING.maxDelaySec),
    dailyCap: '',
    windowOn: false,
    windowStart: '09:00',
    windowEnd: '18:00',
    days: [1, 2, 3, 4, 5],
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    typing: false,
    startMode: 'now',
    startAt: '',
  };
}

export function collectFrom(form: DraftForm, defaultCountryCode: string, optOut: ReadonlySet<string>): CollectedRecipients | undefined {
  if (form.sourceKind === 'paste') return form.pasteText.trim() ? collectRecipients({ kind: 'paste', text: form.pasteText }, defaultCountryCode, optOut) : undefined;
  if (form.sourceKind === 'csv') return form.csv ? collectRecipients({ kind: 'csv', table: form.csv.table, phoneColumn: form.csv.phoneColumn }, defaultCountryCode, optOut) : undefined;
  return form.people ? collectRecipients({ kind: 'people', people: form.people.people }, defaultCountryCode, optOut) : undefined;
}

export function pacingOf(form: DraftForm): RequestOf<'campaigns.start'>['pacing'] {
  const cap = form.dailyCap.trim();
  const start = parseClock(form.windowStart);
  const end = parseClock(form.windowEnd);
  return {
    minDelaySec: Number(form.minDelay),
    maxDelaySec: Number(form.maxDelay),
    ...(cap && { dailyCap: Number(cap) }),
    ...(form.windowOn && { window: { days: [...form.days].sort(), startMinute: start ?? -1, endMinute: end ?? -1 } }),
    timeZone: form.timeZone.trim(),
  };
}

export type BuiltDraft = { ok: true; request: RequestOf<'campaigns.start'> } | { ok: false; problems: string[]; renderProblems: RenderProblem[] };

/** `floorSec`: the server's shortest delay (campaigns.floor), which the background checks again. */
export function buildRequest(form: DraftForm, collected: CollectedRecipients | undefined, profileId: string | null, now: number, floorSec: number): BuiltDraft {
  const problems: string[] = [];
  let renderProblems: RenderProblem[] = [];
  if (!profileId) problems.push(t('needServer'));
  if (!form.sessionId) problems.push(t('needSession'));
  if (!collected || collected.recipients.length === 0) problems.push(t('needRecipients'));
  if (form.kind !== 'text') {
    if (!form.file) problems.push({ image: t('needImage'), video: t('needVideo'), document: t('needDocument') }[form.kind]);
    else if (form.file.size > MAX_CAMPAIGN_FILE_BYTES) problems.push(t('fileTooLarge', { file: form.file.name }));
  } else if (!form.template.trim()) problems.push(t('needMessage'));
  const pacing = pacingOf(form);
  const pacingError = pacingProblem(pacing, floorSec);
  if (pacingError) problems.push(pacingError);
  let startAt: number | undefined;
  if (form.startMode === 'later') {
    startAt = form.startAt ? new Date(form.startAt).getTime() : NaN;
    if (!Number.isFinite(startAt)) problems.push(t('needStartAt'));
    else if (startAt < now) problems.push(t('startPassed'));
  }
  let recipients: Array<{ digits: string; text: string; row: number }> = [];
  if (collected && collected.recipients.length > 0) {
    const rendered = renderAll(form.template, collected.recipients, collected.columns, { allowEmpty: form.kind !== 'text' });
    if (rendered.ok) recipients = rendered.recipients;
    else renderProblems = rendered.problems;
  }
  if (problems.length || renderProblems.length || !profileId || !collected) return { ok: false, problems, renderProblems };
  const { size: _size, ...file } = form.file ?? { size: 0 };
  return {
    ok: true,
    request: {
      name: form.name.trim(),
      profileId,
      sessionId: form.sessionId,
      message: { kind: form.kind, template: form.template },
      ...(form.kind !== 'text' && form.file && { file: file as FilePayload }),
      recipients,
      unusable: collected.unusable.map((u) => ({ input: u.value.slice(0, 1000), reason: u.reason.slice(0, 1000), row: u.row })),
      duplicates: collected.duplicates.length,
      columns: collected.columns,
      pacing,
      typing: form.typing,
      checkNumbers: form.checkNumbers,
      ...(startAt !== undefined && { startAt }),
    },
  };
}
