import { MIN_DELAY_SEC } from './pacing';

/**
 * The shortest delay between two campaign messages: the server's recipient cooldown. A stock
 * WARest's is 3 s and it never says so, so against a stock server the floor is 3 s, whatever a
 * page or stored value asks. Only a server that announces its own cooldown
 * (`X-Recipient-Cooldown-Ms`, see lib/warest/response.ts) sets the floor to that: the test
 * server with a shortened cooldown (tests/fake-server, recipientCooldownMs), so an end-to-end
 * test can send 200 messages in a minute instead of ten. The build is the same for tests and
 * for users (tests/e2e/build-parity.e2e.ts).
 */

/** The least any campaign may wait between messages, whatever a server says. */
export const ABSOLUTE_FLOOR_SEC = 0.05;

export function delayFloorSec(announcedCooldownMs?: number): number {
  if (announcedCooldownMs === undefined || !Number.isFinite(announcedCooldownMs)) return MIN_DELAY_SEC;
  return Math.max(ABSOLUTE_FLOOR_SEC, announcedCooldownMs / 1000);
}
