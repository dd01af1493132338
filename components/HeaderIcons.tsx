/** The popup header's icons, drawn so they do not depend on a font having the glyph. */

/** A circled "i": the server's details. */
export function InfoIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="7.2" y="6.8" width="1.6" height="5" rx="0.6" fill="currentColor" />
      <circle cx="8" cy="4.6" r="1" fill="currentColor" />
    </svg>
  );
}

/** Three lines: the list of all actions. */
export function ListIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
