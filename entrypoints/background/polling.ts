import { browser } from 'wxt/browser';
import { LIVE_SAFETY_REFRESH_MS, loginIsActive, pollPeriodSec } from '@/lib/session-sync';
import { loginItem, readChecked, settingsItem } from '@/lib/storage';
import { isLive, syncLiveConnections } from './live-connections';
import { pollLogin } from './login-flow';
import { refreshAll } from './sessions-refresh';

/**
 * The safety net that always runs: a chrome.alarms alarm that re-reads every reachable profile's
 * sessions every `settings.pollIntervalSec` (30 s at least, Chrome's minimum), every 30 s while a
 * login waits, and that reconnects live events when it wakes the worker. Also a refresh when the
 * browser starts or the extension is installed or updated.
 */

export const POLL_ALARM = 'warest-sessions-poll';

/** Creates the alarm, or re-creates it when its period must change (never otherwise: that would reset it). */
export async function armPolling(): Promise<number> {
  const [settings, login] = await Promise.all([readChecked(settingsItem), readChecked(loginItem)]);
  const periodSec = pollPeriodSec(settings.pollIntervalSec, loginIsActive(login, Date.now()));
  const periodInMinutes = periodSec / 60;
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing?.periodInMinutes !== periodInMinutes) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  }
  return periodSec;
}

/** One alarm tick. */
export async function pollTick(): Promise<void> {
  void syncLiveConnections();
  const login = await readChecked(loginItem);
  if (loginIsActive(login, Date.now())) await pollLogin();
  const now = Date.now();
  // A profile with live events is only re-read when its data has grown old (missed events).
  await refreshAll((profileId, snapshot) => isLive(profileId) && !!snapshot && now - snapshot.fetchedAt < LIVE_SAFETY_REFRESH_MS);
  await armPolling();
}

async function onBrowserStart(): Promise<void> {
  await armPolling();
  await refreshAll();
}

function logged(work: () => Promise<unknown>): void {
  work().catch((error: unknown) => {
    console.error('WARest Companion: polling failed', error instanceof Error ? error.message : error);
  });
}

export function registerPolling(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) logged(pollTick);
  });
  browser.runtime.onStartup.addListener(() => logged(onBrowserStart));
  browser.runtime.onInstalled.addListener(() => logged(onBrowserStart));
  settingsItem.item.watch(() => logged(armPolling));
  loginItem.item.watch(() => logged(armPolling));
  logged(armPolling);
}
