import { describe, expect, it } from 'vitest';
import { buildCampaign, type CampaignDraft, type SendAttempt } from '@/lib/campaigns/campaign';
import { runCampaign, type EngineDeps } from '@/lib/campaigns/engine';
import { localTime } from '@/lib/campaigns/pacing';
import type { DeliveryCheck } from '@/lib/delivery-check';
import type { Campaign, CampaignEntry } from '@/lib/storage';

/**
 * The campaign runner's loop against an in-memory store and a simulated clock: pacing order and
 * delays, exactly-once across a stop mid-send (verified from the chat, never resent), sending
 * windows and the daily cap, refusals that wait or pause, and the numbers check.
 */

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0); // a Monday, 09:00 UTC

function draft(count: number, overrides: Partial<CampaignDraft> = {}): CampaignDraft {
  return {
    name: 'Test',
    profileId: 'p1',
    sessionId: 'main',
    message: { kind: 'text', template: 'Hi {{name}}' },
    recipients: Array.from({ length: count }, (_, i) => ({ digits: `6281200000${String(i).padStart(3, '0')}`, text: `Hi person ${i}`, row: i + 1 })),
    unusable: [],
    duplicates: 0,
    columns: ['name'],
    pacing: { minDelaySec: 3, maxDelaySec: 5, timeZone: 'UTC' },
    typing: false,
    checkNumbers: false,
    ...overrides,
  };
}

interface Harness {
  deps: EngineDeps;
  stored(): Campaign;
  sends: Array<{ digits: string; text: string; at: number }>;
  time(): number;
}

function harness(campaign: Campaign, options: { attempt?: (entry: CampaignEntry, n: number) => SendAttempt | 'crash'; verify?: (entry: CampaignEntry) => DeliveryCheck; onWhatsApp?: (digits: string) => boolean; random?: () => number } = {}): Harness {
  let stored = campaign;
  let now = T0;
  const sends: Harness['sends'] = [];
  const deps: EngineDeps = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      return true;
    },
    random: options.random ?? (() => 0.5),
    read: async () => structuredClone(stored),
    update: async (change) => {
      stored = change(structuredClone(stored));
      return structuredClone(stored);
    },
    send: async (_c, entry) => {
      const attempt = options.attempt?.(entry, sends.length) ?? { kind: 'sent', messageId: `m${sends.length}` };
      if (attempt === 'crash') throw new Error('worker stopped');
      if (attempt.kind === 'sent' || attempt.kind === 'unknown') sends.push({ digits: entry.digits, text: entry.text, at: now });
      return attempt;
    },
    verify: async (_c, entry) => options.verify?.(entry) ?? { state: 'not-found' },
    checkNumbers: async (_c, digits) => ({ ok: true, onWhatsApp: new Map(digits.map((d) => [d, options.onWhatsApp?.(d) ?? true])) }),
  };
  return { deps, stored: () => stored, sends, time: () => now };
}

function built(d: CampaignDraft, optOut: string[] = []): Campaign {
  const result = buildCampaign(d, new Set(optOut), 'c1', T0);
  if (!result.ok) throw new Error(result.message);
  return result.campaign;
}

describe('runCampaign', () => {
  it('sends each recipient once, in order, each at least the minimum delay after the last', async () => {
    const h = harness(built(draft(20)), { random: (() => { let i = 0; return () => [0, 1, 0.25][i++ % 3]!; })() });
    await runCampaign(h.deps);
    expect(h.sends.map((s) => s.digits)).toEqual(draft(20).recipients.map((r) => r.digits));
    for (let i = 1; i < h.sends.length; i++) {
      const gap = h.sends[i]!.at - h.sends[i - 1]!.at;
      expect(gap).toBeGreaterThanOrEqual(3000);
      expect(gap).toBeLessThanOrEqual(5000);
    }
    expect(h.stored().state).toBe('done');
    expect(h.stored().entries.every((e) => e.status.state === 'sent')).toBe(true);
  });

  it('after a stop mid-send, verifies the send from the chat before anything else, and never sends it again', async () => {
    const campaign = built(draft(5));
    let crashed = false;
    const h = harness(campaign, {
      attempt: (entry) => (entry.digits.endsWith('002') && !crashed ? ((crashed = true), 'crash') : { kind: 'sent' }),
      verify: (entry) => (entry.digits.endsWith('002') ? { state: 'sent', messageId: 'from-chat' } : { state: 'not-found' }),
    });
    await expect(runCampaign(h.deps)).rejects.toThrow('worker stopped');
    expect(h.stored().entries[2]!.status.state).toBe('sending');
    // A new worker: the runner starts again on what was stored.
    await runCampaign(h.deps);
    expect(h.stored().entries[2]!.status).toMatchObject({ state: 'sent', messageId: 'from-chat', confirmedFromChat: true });
    expect(h.sends.map((s) => s.digits.slice(-3))).toEqual(['000', '001', '003', '004']);
    expect(h.stored().state).toBe('done');
  });

  it('reports an unknown outcome it cannot confirm as unconfirmed, and does not resend it', async () => {
    const h = harness(built(draft(3)), {
      attempt: (entry) => (entry.digits.endsWith('001') ? { kind: 'unknown', reason: 'timed out' } : { kind: 'sent' }),
      verify: () => ({ state: 'not-found' }),
    });
    await runCampaign(h.deps);
    expect(h.stored().entries.map((e) => e.status.state)).toEqual(['sent', 'unconfirmed', 'sent']);
    expect(h.sends.filter((s) => s.digits.endsWith('001'))).toHaveLength(1);
  });

  it('asks the chat again when it cannot be read, then reports the send unconfirmed', async () => {
    let reads = 0;
    const h = harness(built(draft(1)), { attempt: () => ({ kind: 'unknown', reason: 'no answer' }), verify: () => (reads++, { state: 'unknown', reason: 'server down' }) });
    await runCampaign(h.deps);
    expect(reads).toBe(3);
    expect(h.stored().entries[0]!.status).toMatchObject({ state: 'unconfirmed' });
    expect((h.stored().entries[0]!.status as { reason: string }).reason).toMatch(/server down/);
  });

  it('sends nothing outside the sending window, across midnight in the campaign’s time zone', async () => {
    // 22:00–02:00 Jakarta time (UTC+7) = 15:00–19:00 UTC; the run starts at 09:00 UTC, when it is closed.
    const window = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 22 * 60, endMinute: 2 * 60 };
    const h = harness(built(draft(30, { pacing: { minDelaySec: 600, maxDelaySec: 600, timeZone: 'Asia/Jakarta', window } })));
    await runCampaign(h.deps);
    expect(h.sends).toHaveLength(30);
    for (const send of h.sends) {
      const { minute } = localTime(send.at, 'Asia/Jakarta');
      expect(minute >= 22 * 60 || minute < 2 * 60, new Date(send.at).toISOString()).toBe(true);
    }
    expect(h.sends[0]!.at).toBe(Date.UTC(2026, 0, 5, 15, 0, 0));
    // 24 fit in one 4-hour window at 10 minutes apart; the rest go the next night.
    expect(h.sends[24]!.at).toBe(Date.UTC(2026, 0, 6, 15, 0, 0));
  });

  it('keeps to the daily cap and says why it waits', async () => {
    const h = harness(built(draft(7, { pacing: { minDelaySec: 3, maxDelaySec: 3, dailyCap: 3, timeZone: 'UTC' } })));
    const notes: string[] = [];
    const update = h.deps.update;
    h.deps.update = async (change) => {
      const next = await update(change);
      if (next?.note) notes.push(next.note);
      return next;
    };
    await runCampaign(h.deps);
    const days = h.sends.map((s) => localTime(s.at, 'UTC').date);
    expect(days).toEqual(['2026-01-05', '2026-01-05', '2026-01-05', '2026-01-06', '2026-01-06', '2026-01-06', '2026-01-07']);
    expect(notes.some((note) => /cap of 3 messages is reached/.test(note))).toBe(true);
  });

  it('waits out a rate limit and sends the same recipient again; pauses when the session is not open', async () => {
    let calls = 0;
    const h = harness(built(draft(3)), {
      attempt: (entry) => {
        calls++;
        if (calls === 2) return { kind: 'later', until: T0 + 60_000, note: 'rate limit' };
        if (entry.digits.endsWith('002')) return { kind: 'pause', note: 'Paused: not logged in.' };
        return { kind: 'sent' };
      },
    });
    await runCampaign(h.deps);
    expect(h.sends.map((s) => s.digits.slice(-3))).toEqual(['000', '001']);
    expect(h.sends[1]!.at).toBeGreaterThanOrEqual(T0 + 60_000);
    expect(h.stored()).toMatchObject({ state: 'paused', note: 'Paused: not logged in.' });
    expect(h.stored().entries[2]!.status.state).toBe('pending');
  });

  it('records a refused send as failed with its reason and goes on', async () => {
    const h = harness(built(draft(2)), { attempt: (entry) => (entry.digits.endsWith('000') ? { kind: 'failed', reason: 'The server refused it: “Invalid recipient”.' } : { kind: 'sent' }) });
    await runCampaign(h.deps);
    expect(h.stored().entries[0]!.status).toMatchObject({ state: 'failed', reason: 'The server refused it: “Invalid recipient”.' });
    expect(h.stored().entries[1]!.status.state).toBe('sent');
  });

  it('checks numbers on WhatsApp first when asked, and skips those without it', async () => {
    const h = harness(built(draft(25, { checkNumbers: true })), { onWhatsApp: (d) => !d.endsWith('3') });
    await runCampaign(h.deps);
    const skipped = h.stored().entries.filter((e) => e.status.state === 'skipped');
    expect(skipped.map((e) => e.digits.slice(-3))).toEqual(['003', '013', '023']);
    expect(h.sends).toHaveLength(22);
  });

  it('waits for a scheduled start', async () => {
    const h = harness(built(draft(2, { startAt: T0 + 3_600_000 })));
    expect(h.stored().state).toBe('scheduled');
    await runCampaign(h.deps);
    expect(h.sends[0]!.at).toBe(T0 + 3_600_000);
  });

  it('stops at once when paused, and leaves the rest waiting', async () => {
    const h = harness(built(draft(5)));
    const send = h.deps.send;
    h.deps.send = async (c, entry) => {
      const attempt = await send(c, entry);
      if (entry.digits.endsWith('001')) await h.deps.update((x) => ({ ...x, state: 'paused' }));
      return attempt;
    };
    await runCampaign(h.deps);
    expect(h.sends).toHaveLength(2);
    expect(h.stored().entries.map((e) => e.status.state)).toEqual(['sent', 'sent', 'pending', 'pending', 'pending']);
  });
});
