import { browser } from 'wxt/browser';
import { countJob, isActive, jobTitle, OUTCOME_LABELS } from '@/lib/jobs';
import { MENU_ITEMS, MENU_JOB_PREFIX, menuRequestFrom, type ClickInfo, type ClickTab } from '@/lib/menu-handoff';
import type { Job } from '@/lib/storage';
import { openActionWindow } from './action-window';
import { onJobFinished } from './job-runner';
import { getJob } from './job-store';
import { languageReady, onLanguageChange } from './worker-language';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Right-click menus: on group invite links, on selected text (phone numbers, or text to send), on
 * links and on images. A click stores what was clicked in storage.session under a random id and
 * opens a small window (menu-action.html?id=…) where the person picks the server, session and
 * group or recipient, and confirms.
 */

/** Creates every menu afresh (removing ours first, so running twice never duplicates one). */
export async function createMenus(): Promise<void> {
  await languageReady();
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    await new Promise<void>((resolve) => {
      browser.contextMenus.create({ ...item }, () => {
        const problem = browser.runtime.lastError;
        if (problem) console.error('WARest Companion: could not create a menu', item.id, problem.message);
        resolve();
      });
    });
  }
}

/**
 * What a click on one of our menus does: hand the click's data over and open the window.
 * Answers the handoff id, or undefined when the click was not for us.
 */
export async function handleMenuClick(info: ClickInfo, tab?: ClickTab): Promise<{ id: string; windowId?: number } | undefined> {
  const request = menuRequestFrom(info, tab);
  return request ? openActionWindow(request) : undefined;
}

// ---- Jobs started from a menu window: a notification when they finish ----------------------

const noticed = new Set<string>();

/** "18 On WhatsApp, 2 Not on WhatsApp" and the first failure's reason. */
export function jobSummary(job: Job): string {
  const counts = countJob(job);
  const parts = Object.entries(counts.outcomes).map(([outcome, n]) => `${n} ${OUTCOME_LABELS[outcome] ?? outcome}`);
  const failed = job.items.find((item) => item.state === 'failed' && item.reason);
  return `${parts.join(', ') || t('nothingDone')}.${failed ? ` ${failed.reason}` : ''}`;
}

/** Notifies once about a finished job, if a menu window started it. */
export async function noticeMenuJob(job: Job): Promise<void> {
  const key = `${MENU_JOB_PREFIX}${job.id}`;
  if (isActive(job) || noticed.has(job.id)) return;
  if (!(await browser.storage.session.get(key))[key]) return;
  if (noticed.has(job.id)) return;
  noticed.add(job.id);
  await browser.storage.session.remove(key);
  const counts = countJob(job);
  const ended = job.state === 'cancelled' ? t('jobEndedCancelled') : counts.failed > 0 ? t('jobEndedFailed', { failed: counts.failed }) : t('jobEndedDone');
  try {
    await browser.notifications.create(`warest-menu:job:${counts.failed > 0 ? 'failed' : 'ok'}:${job.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `${jobTitle(job)}: ${ended}`,
      message: jobSummary(job),
      contextMessage: t('sessionNamed', { session: job.sessionId }),
      priority: counts.failed > 0 ? 1 : 0,
    });
  } catch (error) {
    console.error('WARest Companion: could not show a notification', error instanceof Error ? error.message : error);
  }
}

function watchMenuJobs(): void {
  onJobFinished((job) => void noticeMenuJob(job));
  // A job can finish before its window marks it: look at it again when the mark arrives.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session') return;
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(MENU_JOB_PREFIX) || !change.newValue) continue;
      void getJob(key.slice(MENU_JOB_PREFIX.length)).then((job) => job && noticeMenuJob(job));
    }
  });
}

export function registerMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    void createMenus().catch((error: unknown) => console.error('WARest Companion: menus not created', error instanceof Error ? error.message : error));
  });
  // Their titles are in the language of the moment they were made.
  onLanguageChange(() => void createMenus().catch((error: unknown) => console.error('WARest Companion: menus not made again', error instanceof Error ? error.message : error)));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(info, tab).catch((error: unknown) => console.error('WARest Companion: menu action failed', error instanceof Error ? error.message : error));
  });
  watchMenuJobs();
}
