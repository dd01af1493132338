/**
 * One lock for repairing stored state, shared by every part of the extension that reads it: the
 * service worker, the popup, the options page and the other pages are one origin, so the Web
 * Locks API serialises them. Where it is missing (unit tests in Node) a lock within this context
 * does the same for the readers here.
 */

let localTail: Promise<unknown> = Promise.resolve();

function withLocalLock<T>(work: () => Promise<T>): Promise<T> {
  const run = localTail.then(work, work);
  localTail = run.catch(() => undefined);
  return run;
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function lockManager(): LockManagerLike | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : undefined;
}

export function withStorageLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  // The local lock as well: it keeps this context's own repairs in order even if the Web Lock
  // is refused for some reason.
  return withLocalLock(() => (locks ? locks.request('warest-companion:storage-repair', work) : work()));
}
