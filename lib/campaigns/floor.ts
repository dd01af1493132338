import { MIN_DELAY_SEC } from './pacing';

/**
 * The shortest delay between two campaign messages: WARest's 3 s anti-spam cooldown. Only the
 * end-to-end test build (`WXT_E2E=1 wxt build`, never shipped) lowers it, so a test can run a
 * 200-recipient campaign against the fake server (whose cooldown it turns down too) in seconds
 * instead of ten minutes. The shipped build has the constant 3 here (the condition is replaced at
 * build time), so no setting, page or server can make it go faster against a stock server.
 */
export const DELAY_FLOOR_SEC: number = typeof import.meta.env !== 'undefined' && import.meta.env.WXT_E2E === '1' ? 0.05 : MIN_DELAY_SEC;
