/**
 * WhatsApp group invite links as people paste them: `https://chat.whatsapp.com/<code>`, without
 * the scheme, with `http://` or `www.`, with a trailing slash, query or fragment,
 * `chat.whatsapp.com/invite/<code>`, `whatsapp://chat?code=<code>`, or the bare code.
 * Invite codes are 20–24 letters and digits.
 */

import { textsOf } from './i18n';

const t = textsOf('work');

export type InviteLinkResult = { ok: true; code: string; link: string } | { ok: false; reason: string };

const CODE = /^[A-Za-z0-9]{20,24}$/;
const MIN = 20;
const MAX = 24;

const HTTP_LINK = /(?:https?:\/\/)?(?:www\.)?chat\.whatsapp\.com(?::\d+)?(\/[^\s<>"']*)?/i;
const APP_LINK = /whatsapp:\/\/chat\/?(\?[^\s<>"']*)?/i;

/** `none`: what to say when no code is left once it is decoded. */
function checkCode(raw: string, none: Parameters<typeof t>[0]): InviteLinkResult {
  let code = raw;
  try {
    code = decodeURIComponent(raw);
  } catch {
    /* keep it as it is */
  }
  code = code.trim();
  if (!code) return { ok: false, reason: t(none) };
  if (/[^A-Za-z0-9]/.test(code)) return { ok: false, reason: t('codeChars', { code }) };
  if (code.length < MIN) return { ok: false, reason: t('codeShort', { code, n: code.length, min: MIN, max: MAX }) };
  if (code.length > MAX) return { ok: false, reason: t('codeLong', { code, n: code.length, min: MIN, max: MAX }) };
  return { ok: true, code, link: `https://chat.whatsapp.com/${code}` };
}

/** Reads a group invite link or code; `link` is the canonical `https://chat.whatsapp.com/<code>`. */
export function parseInviteLink(text: string): InviteLinkResult {
  const typed = text.trim().replace(/^[<"'“‘(]+|[>"'”’)]+$/g, '').trim();
  if (!typed) return { ok: false, reason: t('pasteInvite') };

  const http = HTTP_LINK.exec(typed);
  if (http) {
    const path = (http[1] ?? '').replace(/[?#].*$/, '');
    const parts = path.split('/').filter(Boolean);
    if (parts[0]?.toLowerCase() === 'invite') parts.shift();
    if (parts.length === 0) return { ok: false, reason: t('httpNoCode') };
    return checkCode(parts[0]!, 'httpNoCode');
  }

  const app = APP_LINK.exec(typed);
  if (app) {
    const query = new URLSearchParams((app[1] ?? '').replace(/^\?/, ''));
    const code = query.get('code');
    if (!code) return { ok: false, reason: t('appNoCode') };
    return checkCode(code, 'appEmptyCode');
  }

  if (/(?:^|[/.])wa\.me\//i.test(typed) || /(?:api|web)\.whatsapp\.com\/send/i.test(typed) || /^whatsapp:\/\/send/i.test(typed)) {
    return { ok: false, reason: t('chatLink') };
  }
  if (/whatsapp\.com\/channel\//i.test(typed)) {
    return { ok: false, reason: t('channelLink') };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) || /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/|$)/i.test(typed)) {
    return { ok: false, reason: t('notInvite') };
  }
  if (CODE.test(typed)) return { ok: true, code: typed, link: `https://chat.whatsapp.com/${typed}` };
  if (/^[A-Za-z0-9]+$/.test(typed)) return checkCode(typed, 'pasteInvite');
  return { ok: false, reason: t('neither') };
}
