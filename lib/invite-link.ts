/**
 * WhatsApp group invite links as people paste them: `https://chat.whatsapp.com/<code>`, without
 * the scheme, with `http://` or `www.`, with a trailing slash, query or fragment,
 * `chat.whatsapp.com/invite/<code>`, `whatsapp://chat?code=<code>`, or the bare code.
 * Invite codes are 20–24 letters and digits.
 */

export type InviteLinkResult = { ok: true; code: string; link: string } | { ok: false; reason: string };

const CODE = /^[A-Za-z0-9]{20,24}$/;
const MIN = 20;
const MAX = 24;

const HTTP_LINK = /(?:https?:\/\/)?(?:www\.)?chat\.whatsapp\.com(?::\d+)?(\/[^\s<>"']*)?/i;
const APP_LINK = /whatsapp:\/\/chat\/?(\?[^\s<>"']*)?/i;

function checkCode(raw: string, where: string): InviteLinkResult {
  let code = raw;
  try {
    code = decodeURIComponent(raw);
  } catch {
    /* keep it as it is */
  }
  code = code.trim();
  if (!code) return { ok: false, reason: `${where} has no invite code after it.` };
  if (/[^A-Za-z0-9]/.test(code)) {
    return { ok: false, reason: `The invite code “${code}” has characters an invite code cannot have (only letters and digits).` };
  }
  if (code.length < MIN) {
    return { ok: false, reason: `The invite code “${code}” is too short (${code.length} characters; WhatsApp invite codes have ${MIN}–${MAX}). Copy the whole link.` };
  }
  if (code.length > MAX) {
    return { ok: false, reason: `The invite code “${code}” is too long (${code.length} characters; WhatsApp invite codes have ${MIN}–${MAX}).` };
  }
  return { ok: true, code, link: `https://chat.whatsapp.com/${code}` };
}

/** Reads a group invite link or code; `link` is the canonical `https://chat.whatsapp.com/<code>`. */
export function parseInviteLink(text: string): InviteLinkResult {
  const typed = text.trim().replace(/^[<"'“‘(]+|[>"'”’)]+$/g, '').trim();
  if (!typed) return { ok: false, reason: 'Paste a group invite link (https://chat.whatsapp.com/…) or its code.' };

  const http = HTTP_LINK.exec(typed);
  if (http) {
    const path = (http[1] ?? '').replace(/[?#].*$/, '');
    const parts = path.split('/').filter(Boolean);
    if (parts[0]?.toLowerCase() === 'invite') parts.shift();
    if (parts.length === 0) return { ok: false, reason: 'This chat.whatsapp.com link has no invite code after it.' };
    return checkCode(parts[0]!, 'This chat.whatsapp.com link');
  }

  const app = APP_LINK.exec(typed);
  if (app) {
    const query = new URLSearchParams((app[1] ?? '').replace(/^\?/, ''));
    const code = query.get('code');
    if (!code) return { ok: false, reason: 'This whatsapp://chat link has no invite code (code=…) in it.' };
    return checkCode(code, 'This whatsapp://chat link');
  }

  if (/(?:^|[/.])wa\.me\//i.test(typed) || /(?:api|web)\.whatsapp\.com\/send/i.test(typed) || /^whatsapp:\/\/send/i.test(typed)) {
    return { ok: false, reason: 'This link opens a chat with a phone number; it is not a group invite link (those start with chat.whatsapp.com/).' };
  }
  if (/whatsapp\.com\/channel\//i.test(typed)) {
    return { ok: false, reason: 'This is a link to a WhatsApp channel, not a group invite link (those start with chat.whatsapp.com/).' };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) || /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/|$)/i.test(typed)) {
    return { ok: false, reason: 'This is not a WhatsApp group invite link; those look like https://chat.whatsapp.com/<code>.' };
  }
  if (CODE.test(typed)) return { ok: true, code: typed, link: `https://chat.whatsapp.com/${typed}` };
  if (/^[A-Za-z0-9]+$/.test(typed)) return checkCode(typed, 'This');
  return { ok: false, reason: 'This is neither a group invite link (https://chat.whatsapp.com/<code>) nor an invite code (20–24 letters and digits).' };
}
