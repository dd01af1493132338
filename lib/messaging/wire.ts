/** The protocol name every message between the extension's pages and its background carries. */
export const PROTOCOL = 'warest-companion/1';
