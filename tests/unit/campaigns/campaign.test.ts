import { describe, expect, it } from 'vitest';
import {
  attemptFromError,
  buildCampaign,
  cancelCampaign,
  duplicateCampaign,
  estimateFinish,
  floorOf,
  MAX_CAMPAIGNS,
  notOnWhatsAppReason,
  optedOutReason,
  pruneCampaigns,
  resumeCampaign,
  pauseCampaign,
  sendRequest,
  type CampaignDraft,
} from '@/lib/campaigns/campaign';
import { collectRecipients, durationWords, parseClock, renderAll } from '@/lib/campaigns/draft';
import { ABSOLUTE_FLOOR_SEC, delayFloorSec } from '@/lib/campaigns/floor';
import { unsend, markSending } from '@/lib/campaigns/ledger';
import { resultsCsv } from '@/lib/campaigns/results-csv';
import { MIN_DELAY_SEC } from '@/lib/campaigns/pacing';
import { parseCsv } from '@/lib/campaigns/recipients-csv';
import type { Campaign } from '@/lib/storage';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function draft(overrides: Partial<CampaignDraft> = {}): CampaignDraft {
  return {
    name: ' Offer ',
    profileId: 'p',
    sessionId: 'main',
    message: { kind: 'text', template: 'Hi' },
    recipients: [
      { digits: '6281200000001', text: 'Hi A' },
      { digits: '6281200000002', text: 'Hi B' },
      { digits: '6281200000001', text: 'Hi A again' },
    ],
    unusable: [],
    duplicates: 1,
    columns: [],
    pacing: { minDelaySec: 10, maxDelaySec: 20, timeZone: 'UTC' },
    typing: false,
    checkNumbers: false,
    ...overrides,
  };
}

function make(overrides: Partial<CampaignDraft> = {}, optOut: string[] = []): Campaign {
  const built = buildCampaign(draft(overrides), new Set(optOut), 'c', T0);
  if (!built.ok) throw new Error(built.message);
  return built.campaign;
}

describe('buildCampaign', () => {
  it('de-duplicates again, applies the opt-out list as skipped, and starts running', () => {
    const campaign = make({}, ['6281200000002']);
    expect(campaign.name).toBe('Offer');
    expect(campaign.state).toBe('running');
    expect(campaign.entries.map((e) => [e.digits, e.status.state])).toEqual([
      ['6281200000001', 'pending'],
      ['6281200000002', 'skipped'],
    ]);
    expect(campaign.entries[1]!.status).toEqual({ state: 'skipped', reason: optedOutReason() });
    expect(campaign.report).toEqual({ duplicates: 2, optedOut: 1, unusable: 0 });
  });

  it('refuses what the background cannot send, saying why', () => {
    const problem = (overrides: Partial<CampaignDraft>) => {
      const built = buildCampaign(draft(overrides), new Set(), 'c', T0);
      return built.ok ? null : built.message;
    };
    expect(problem({ sessionId: ' ' })).toBe('Choose the WhatsApp session to send from.');
    expect(problem({ recipients: [] })).toBe('Add at least one recipient.');
    expect(problem({ recipients: [{ digits: '12ab', text: 'x' }] })).toMatch(/not a phone number/);
    expect(problem({ recipients: [{ digits: '6281200000001', text: ' ' }] })).toMatch(/is empty/);
    expect(problem({ recipients: [{ digits: '6281200000001', text: 'x'.repeat(70_000) }] })).toMatch(/longer than 65,536/);
    expect(problem({ pacing: { minDelaySec: 2.9, maxDelaySec: 5, timeZone: 'UTC' } })).toMatch(/shortest delay is 3 s/);
    expect(problem({ message: { kind: 'document', template: '' }, file: { kind: 'file', name: 'big.pdf', type: 'application/pdf', base64: 'A'.repeat(3_000_000) } })).toMatch(/larger than 2 MB/);
  });

  it('schedules a start in the future', () => {
    expect(make({ startAt: T0 + 60_000 })).toMatchObject({ state: 'scheduled', startAt: T0 + 60_000, nextAt: T0 + 60_000 });
    expect(make({ startAt: T0 - 1 }).state).toBe('running');
  });
});

describe('the delay floor', () => {
  it('is WARest’s 3 s for a server that announces no cooldown (a stock one); an announced one sets it, never under 0.05 s', () => {
    expect(MIN_DELAY_SEC).toBe(3);
    expect(delayFloorSec()).toBe(3);
    expect(delayFloorSec(200)).toBe(0.2);
    expect(delayFloorSec(0)).toBe(ABSOLUTE_FLOOR_SEC);
    expect(delayFloorSec(5000)).toBe(5);
  });

  it('a campaign made against a stock server refuses delays under 3 s; a stored floor below the absolute one is not trusted', () => {
    expect(buildCampaign(draft({ pacing: { minDelaySec: 0.1, maxDelaySec: 0.2, timeZone: 'UTC' } }), new Set(), 'c', T0)).toMatchObject({ ok: false });
    const fast = buildCampaign(draft({ pacing: { minDelaySec: 0.1, maxDelaySec: 0.2, timeZone: 'UTC' } }), new Set(), 'c', T0, 0.05);
    expect(fast).toMatchObject({ ok: true, campaign: { floorSec: 0.05 } });
    expect(floorOf({ floorSec: 0 })).toBe(ABSOLUTE_FLOOR_SEC);
    expect(floorOf({})).toBe(3);
  });
});

describe('state changes', () => {
  it('pause, resume, cancel and duplicate', () => {
    const campaign = make();
    const paused = pauseCampaign(campaign, T0 + 1);
    expect(paused).toMatchObject({ state: 'paused', note: expect.stringMatching(/Paused/) });
    expect(resumeCampaign(paused, T0 + 2).state).toBe('running');
    const cancelled = cancelCampaign(campaign, T0 + 3);
    expect(cancelled.entries.map((e) => e.status.state)).toEqual(['skipped', 'skipped']);
    const withResults: Campaign = { ...campaign, state: 'done', entries: [{ ...campaign.entries[0]!, status: { state: 'sent', at: T0 } }, { ...campaign.entries[1]!, checked: true, status: { state: 'skipped', reason: notOnWhatsAppReason() } }] };
    const copy = duplicateCampaign(withResults, new Set(['6281200000001']), 'copy', T0 + 4);
    expect(copy).toMatchObject({ id: 'copy', name: 'Copy of Offer', state: 'paused', duplicatedFrom: 'c', dailyCounts: {} });
    // The opt-out list as it is now; a number found without WhatsApp stays skipped.
    expect(copy.entries.map((e) => e.status)).toEqual([{ state: 'skipped', reason: optedOutReason() }, { state: 'skipped', reason: notOnWhatsAppReason() }]);
  });

  it('keeps at most MAX_CAMPAIGNS, dropping the oldest ended ones, never an active one', () => {
    const base = make();
    const many = Array.from({ length: MAX_CAMPAIGNS + 2 }, (_, i): Campaign => ({ ...base, id: `c${i}`, updatedAt: i, state: i === 0 ? 'running' : 'done' }));
    const kept = pruneCampaigns(many);
    expect(kept).toHaveLength(MAX_CAMPAIGNS);
    expect(kept.map((c) => c.id).slice(0, 2)).toEqual(['c0', 'c3']);
  });
});

describe('sendRequest', () => {
  it('builds the WARest send for each kind, with the caption and typing', () => {
    const file = { kind: 'file' as const, name: 'menu.pdf', type: 'application/pdf', base64: 'JVBERi0=' };
    expect(sendRequest({ sessionId: 's', typing: true, message: { kind: 'text', template: '' } }, { digits: '62811', text: 'Hi' })).toEqual({ operationId: 'postMessagesSendText', inputs: { sessionId: 's', to: '62811', presence: true, message: 'Hi' } });
    expect(sendRequest({ sessionId: 's', typing: false, message: { kind: 'document', template: '' } }, { digits: '62811', text: 'Menu' }, file)).toEqual({
      operationId: 'postMessagesSendDocument',
      inputs: { sessionId: 's', to: '62811', document: file, filename: 'menu.pdf', caption: 'Menu' },
    });
    expect(sendRequest({ sessionId: 's', typing: false, message: { kind: 'video', template: '' } }, { digits: '62811', text: '' }, file).inputs).toEqual({ sessionId: 's', to: '62811', media: file });
  });
});

describe('attemptFromError', () => {
  it('never calls an unknown outcome failed; waits out what was refused before sending; pauses for what the person must fix', () => {
    expect(attemptFromError({ kind: 'timeout', message: 'No answer.', outcomeUnknown: true }, T0)).toEqual({ kind: 'unknown', reason: 'No answer.' });
    expect(attemptFromError({ kind: 'rate-limited', message: 'Slow down.', retryAt: T0 + 9_000 }, T0)).toMatchObject({ kind: 'later', until: T0 + 9_000 });
    expect(attemptFromError({ kind: 'network', message: 'Unreachable.' }, T0)).toMatchObject({ kind: 'later', until: T0 + 15_000 });
    expect(attemptFromError({ kind: 'not-found', message: 'The session is not connected.' }, T0)).toMatchObject({ kind: 'pause', note: expect.stringMatching(/not connected.*Resume/) });
    expect(attemptFromError({ kind: 'validation', message: 'Bad.', serverMessage: 'Invalid recipient' }, T0)).toEqual({ kind: 'failed', reason: 'The server refused it: “Invalid recipient”.' });
  });
});

describe('estimateFinish', () => {
  it('is the remaining recipients at the mean delay, through the window', () => {
    const campaign = make({ recipients: Array.from({ length: 11 }, (_, i) => ({ digits: `62812000001${String(i).padStart(2, '0')}`, text: 'x' })) });
    expect(estimateFinish(campaign, T0)).toBe(T0 + 10 * 15_000);
    const windowed = { ...campaign, pacing: { ...campaign.pacing, window: { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 12 * 60, endMinute: 13 * 60 } } };
    expect(estimateFinish(windowed, T0)).toBe(Date.UTC(2026, 0, 5, 12, 0, 0) + 10 * 15_000);
    expect(estimateFinish(pauseCampaign(campaign, T0), T0)).toBeUndefined();
  });
});

describe('the page’s recipients and rendering', () => {
  it('collects a CSV’s rows with their variables, counts the opt-out list, and renders each message', () => {
    const parsed = parseCsv('phone;first name;city\n+62 812-0000-0001;Ana;Bandung\n0812 0000 0002;;Jakarta\n0812 0000 0001;Dup;X\nnope;Z;Y');
    if (!parsed.ok) throw new Error(parsed.message);
    const collected = collectRecipients({ kind: 'csv', table: parsed.table, phoneColumn: 0 }, '62', new Set(['6281200000002']));
    expect(collected.columns).toEqual(['first name', 'city']);
    expect(collected.recipients.map((r) => r.digits)).toEqual(['6281200000001', '6281200000002']);
    expect(collected.optedOut).toEqual(['6281200000002']);
    expect(collected.duplicates).toHaveLength(1);
    expect(collected.unusable).toMatchObject([{ row: 4, value: 'nope' }]);

    const missing = renderAll('Hi {{first name}} in {{city}}', collected.recipients, collected.columns);
    expect(missing).toMatchObject({ ok: false, problems: [{ rows: [2], message: expect.stringMatching(/\{\{first name\}\} is empty for row 2/) }] });
    const unknown = renderAll('Hi {{name}}', collected.recipients, collected.columns);
    expect(unknown).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/is not a column/) }] });
    expect(renderAll('Hi {{first name|there}} in {{city}}', collected.recipients, collected.columns)).toEqual({
      ok: true,
      recipients: [
        { digits: '6281200000001', text: 'Hi Ana in Bandung', row: 1 },
        { digits: '6281200000002', text: 'Hi there in Jakarta', row: 2 },
      ],
    });
  });

  it('collects pasted numbers and people (a group, the contacts) with their name', () => {
    const pasted = collectRecipients({ kind: 'paste', text: '+62 812 0000 0001\nwa.me/6281200000002, 0812 0000 0001\nhello' }, '62');
    expect(pasted.recipients.map((r) => r.digits)).toEqual(['6281200000001', '6281200000002']);
    expect(pasted.unusable).toHaveLength(1);
    expect(pasted.duplicates).toHaveLength(1);
    const people = collectRecipients({ kind: 'people', people: [{ phone: '6281200000003', name: 'Citra' }, { phone: 'x' }] }, '62');
    expect(people.recipients).toEqual([{ digits: '6281200000003', variables: { name: 'Citra' }, row: 1 }]);
    expect(people.columns).toEqual(['name']);
  });

  it('reads clock times and says durations', () => {
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('24:00')).toBeUndefined();
    expect(durationWords(45_000)).toBe('45 s');
    expect(durationWords(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
  });
});

describe('ledger additions', () => {
  it('unsend puts a refused send back in the queue; the export shows what was given for an unusable row', () => {
    const entries = [{ digits: '6281200000001', text: 'x', status: { state: 'pending' as const } }, { digits: '', input: 'call me', text: '', status: { state: 'skipped' as const, reason: 'not a number' } }];
    const sending = markSending(entries, 0, T0);
    expect(unsend(sending, 0)[0]!.status).toEqual({ state: 'pending' });
    expect(resultsCsv(entries).split('\r\n')[2]).toBe('call me,skipped,,,not a number');
  });
});
