import { describe, expect, it } from 'vitest';
import { parseInviteLink } from '@/lib/invite-link';

const CODE = 'FxJ8kHo3TzA0bKGHhPb7Qe'; // 22 characters, like real codes
const LINK = `https://chat.whatsapp.com/${CODE}`;

function codeOf(input: string): string {
  const result = parseInviteLink(input);
  if (!result.ok) throw new Error(`expected "${input}" to be accepted, got: ${result.reason}`);
  expect(result.link).toBe(`https://chat.whatsapp.com/${result.code}`);
  return result.code;
}

function reasonOf(input: string): string {
  const result = parseInviteLink(input);
  if (result.ok) throw new Error(`expected "${input}" to be rejected, got ${result.code}`);
  return result.reason;
}

describe('parseInviteLink: accepted forms', () => {
  it.each([
    [LINK],
    [`http://chat.whatsapp.com/${CODE}`],
    [`chat.whatsapp.com/${CODE}`],
    [`www.chat.whatsapp.com/${CODE}`],
    [`https://www.chat.whatsapp.com/${CODE}`],
    [`HTTPS://CHAT.WHATSAPP.COM/${CODE}`],
    [`${LINK}/`],
    [`${LINK}?mode=ac_t`],
    [`${LINK}?mode=r_c&utm_source=x`],
    [`${LINK}#join`],
    [`https://chat.whatsapp.com/invite/${CODE}`],
    [`chat.whatsapp.com/invite/${CODE}/`],
    [`whatsapp://chat?code=${CODE}`],
    [`whatsapp://chat/?code=${CODE}&source=web`],
    [CODE],
    [`  ${LINK}  \n`],
    [`<${LINK}>`],
    [`"${LINK}"`],
    [`Join my group on WhatsApp: ${LINK} see you there!`],
  ])('%s', (input) => {
    expect(codeOf(input)).toBe(CODE);
  });

  it('accepts codes of 20 to 24 characters and keeps their case', () => {
    expect(codeOf('https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrSt')).toBe('AbCdEfGhIjKlMnOpQrSt');
    expect(codeOf('https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUvWx')).toBe('AbCdEfGhIjKlMnOpQrStUvWx');
    expect(codeOf('0123456789abcdefghij')).toBe('0123456789abcdefghij');
  });

  it('gives the canonical link', () => {
    expect(parseInviteLink(`http://www.chat.whatsapp.com/invite/${CODE}/?x=1#y`)).toEqual({ ok: true, code: CODE, link: LINK });
  });
});

describe('parseInviteLink: rejected with a reason', () => {
  it('asks for a link when nothing is given', () => {
    expect(reasonOf('')).toMatch(/paste a group invite link/i);
    expect(reasonOf('   ')).toMatch(/paste a group invite link/i);
  });
  it('says a wa.me link is a phone link, not a group invite', () => {
    expect(reasonOf('https://wa.me/6281234567890')).toMatch(/phone number.*not a group invite/i);
    expect(reasonOf('wa.me/6281234567890')).toMatch(/not a group invite/i);
    expect(reasonOf('https://api.whatsapp.com/send?phone=6281234567890')).toMatch(/not a group invite/i);
    expect(reasonOf('whatsapp://send?phone=6281234567890')).toMatch(/not a group invite/i);
  });
  it('says a channel link is not a group invite', () => {
    expect(reasonOf('https://whatsapp.com/channel/0029VaABCDEFGHIJKLMNOP12')).toMatch(/channel/i);
  });
  it('says another site is not a WhatsApp link', () => {
    expect(reasonOf('https://example.com/FxJ8kHo3TzA0bKGHhPb7Qe')).toMatch(/not a WhatsApp group invite link/i);
    expect(reasonOf('example.com/join')).toMatch(/not a WhatsApp group invite link/i);
  });
  it('says the code is missing', () => {
    expect(reasonOf('https://chat.whatsapp.com/')).toMatch(/no invite code/i);
    expect(reasonOf('chat.whatsapp.com')).toMatch(/no invite code/i);
    expect(reasonOf('https://chat.whatsapp.com/invite/')).toMatch(/no invite code/i);
    expect(reasonOf('whatsapp://chat?foo=bar')).toMatch(/no invite code/i);
  });
  it('says a code is too short or too long', () => {
    expect(reasonOf('https://chat.whatsapp.com/FxJ8kHo3')).toMatch(/too short.*8 characters/i);
    expect(reasonOf('FxJ8kHo3Tz')).toMatch(/too short/i);
    expect(reasonOf(`https://chat.whatsapp.com/${CODE}ABCDEFG`)).toMatch(/too long/i);
  });
  it('says which characters a code cannot have', () => {
    expect(reasonOf('https://chat.whatsapp.com/FxJ8kHo3-TzA0bKGHhPb7Qe')).toMatch(/only letters and digits/i);
  });
  it('says plain text is neither a link nor a code', () => {
    expect(reasonOf('join my group please')).toMatch(/neither/i);
  });
});
