/**
 * Misc - WhatsApp helpers: media decryption (the real WhatsApp scheme: HKDF-expanded mediaKey,
 * AES-256-CBC, truncated HMAC), poll vote decoding, phone / JID validation, JID↔LID resolution,
 * thumbnails and image processing (placeholder PNGs of the requested size: no image library here).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { findMessage } from '../chat-store';
import { type HandlerContext, type HandlerMap, num, obj, ownedSession, str } from '../context';
import { ApiError, ok } from '../envelope';
import { countryOf, digitsOf, isOnWhatsApp, lidFor, parseRecipient, PHONE_PATTERN, userJid } from '../ids';
import { dataUrl, parseDataUri, placeholderPng, pngSize } from '../png';
import type { MessageRecord } from '../state';

const MEDIA_KEY_INFO: Array<[RegExp, string]> = [
  [/^(image\/|sticker)/, 'WhatsApp Image Keys'],
  [/^video\//, 'WhatsApp Video Keys'],
  [/^audio\//, 'WhatsApp Audio Keys'],
];

function mediaKeys(mediaKey: Uint8Array, mimeType: string) {
  const info = MEDIA_KEY_INFO.find(([pattern]) => pattern.test(mimeType))?.[1] ?? 'WhatsApp Document Keys';
  const expanded = Buffer.from(hkdfSync('sha256', mediaKey, Buffer.alloc(32), info, 112));
  return { iv: expanded.subarray(0, 16), cipherKey: expanded.subarray(16, 48), macKey: expanded.subarray(48, 80) };
}

/** Encrypts media the way WhatsApp does (ciphertext followed by a 10-byte MAC); tests use it to make inputs. */
export function encryptWhatsAppMedia(plain: Uint8Array, mediaKey: Uint8Array, mimeType: string): Buffer {
  const { iv, cipherKey, macKey } = mediaKeys(mediaKey, mimeType);
  const cipher = createCipheriv('aes-256-cbc', cipherKey, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const mac = createHmac('sha256', macKey).update(Buffer.concat([iv, encrypted])).digest().subarray(0, 10);
  return Buffer.concat([encrypted, mac]);
}

function decryptWhatsAppMedia(file: Buffer, mediaKey: Buffer, mimeType: string): Buffer {
  const { iv, cipherKey, macKey } = mediaKeys(mediaKey, mimeType);
  const encrypted = file.subarray(0, file.length - 10);
  const expected = createHmac('sha256', macKey).update(Buffer.concat([iv, encrypted])).digest().subarray(0, 10);
  if (file.length <= 10 || !timingSafeEqual(expected, file.subarray(file.length - 10))) {
    throw new ApiError(2002, 'file does not decrypt with this mediaKey (MAC mismatch)');
  }
  const decipher = createDecipheriv('aes-256-cbc', cipherKey, iv);
  return Buffer.concat([decipher.update(encrypted), decipher.final()]);
}

/** A file argument: data URI, bare base64, or a file the fake itself hosts. Other URLs cannot be fetched offline. */
function fileBytes(ctx: HandlerContext, value: string): { bytes: Buffer; mimeType: string | null } {
  const dataUri = parseDataUri(value);
  if (dataUri) return dataUri;
  const hostedPrefix = `${ctx.world.baseUrl()}/media/`;
  if (value.startsWith(hostedPrefix)) {
    const blob = ctx.world.state.blobs.get(value.slice(hostedPrefix.length));
    if (blob) return { bytes: Buffer.from(blob.bytes), mimeType: blob.mimeType };
  }
  if (/^https?:\/\//i.test(value)) throw new ApiError(5500, `Failed to download media from ${value}`);
  const compact = value.replace(/\s/g, '');
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw new ApiError(2002, 'file must be base64, a data URI or an HTTPS URL');
  return { bytes: Buffer.from(compact, 'base64'), mimeType: null };
}

/** Poll votes: the fake reads encPayload as a JSON list of option indexes or names, else derives one vote from it. */
function votedIndexes(poll: MessageRecord['poll'], encPayload: string): number[] {
  const options = poll?.options ?? [];
  try {
    const decoded = JSON.parse(Buffer.from(encPayload, 'base64').toString('utf8')) as unknown;
    if (Array.isArray(decoded)) {
      return decoded.map((entry) => (typeof entry === 'number' ? entry : options.indexOf(String(entry)))).filter((index) => index >= 0 && index < options.length);
    }
  } catch {
    // not JSON: fall through to the derived vote
  }
  return options.length > 0 ? [createHash('sha256').update(encPayload).digest().readUInt32BE(0) % options.length] : [];
}

/** Every phone the fake world knows, to map LIDs back to numbers. */
function knownPhones(ctx: HandlerContext): Set<string> {
  const phones = new Set(ctx.world.state.people.keys());
  for (const session of ctx.world.state.sessions.values()) {
    phones.add(session.account.phone);
    for (const phone of session.contacts.keys()) phones.add(phone);
  }
  for (const group of ctx.world.state.groups.values()) for (const participant of group.participants) phones.add(participant.phone);
  return phones;
}

function thumbnail(ctx: HandlerContext, seed: string, width: number, height: number, output: string, mimeType: string) {
  const bytes = placeholderPng(seed, width, height);
  return output === 'base64' ? dataUrl(mimeType, bytes) : ctx.world.host(bytes, mimeType, 'png').url;
}

export const miscWhatsappHandlers: HandlerMap = {
  postMiscWhatsappFileDecrypt(ctx) {
    const mediaKey = Buffer.from(str(ctx.body, 'mediaKey') ?? '', 'base64');
    if (mediaKey.length !== 32) throw new ApiError(2002, 'mediaKey must be a base64-encoded 32-byte key');
    const source = fileBytes(ctx, str(ctx.body, 'file') ?? '');
    const mimeType = str(ctx.body, 'mimeType') ?? source.mimeType ?? 'application/octet-stream';
    const plain = decryptWhatsAppMedia(source.bytes, mediaKey, mimeType);
    const expectedSha = str(ctx.body, 'fileSha256');
    if (expectedSha && createHash('sha256').update(plain).digest('base64') !== expectedSha) throw new ApiError(2002, 'fileSha256 does not match the decrypted file');
    const output = str(ctx.body, 'output') ?? 'base64';
    const data = output === 'base64' ? dataUrl(mimeType, plain) : ctx.world.host(plain, mimeType, 'bin').url;
    return ok('File decrypted', [{ data, meta: { mimeType, size: plain.length, mode: output } }]);
  },

  postMiscWhatsappPollUpdateVote(ctx) {
    const session = ownedSession(ctx);
    const vote = obj(ctx.body, 'pollUpdateVote') ?? {};
    const creationKey = obj(vote, 'pollCreationMessageKey') ?? {};
    const pollId = str(creationKey, 'id') ?? str(ctx.body, 'pollMsgId');
    if (!pollId) throw new ApiError(2001, 'pollUpdateVote.pollCreationMessageKey.id is required');
    const poll = [...session.chats.values()].map((chat) => findMessage(chat, pollId)).find((message) => message?.poll);
    if (!poll?.poll) throw new ApiError(2601, 'Poll message not found');
    const indexes = votedIndexes(poll.poll, str(obj(vote, 'vote') ?? {}, 'encPayload') ?? '');
    const voterKey = obj(vote, 'key') ?? {};
    return ok('Poll vote decrypted', [{
      messageKey: { id: pollId, remoteJid: str(creationKey, 'remoteJid') ?? poll.chatJid, participant: str(creationKey, 'participant') ?? poll.senderJid },
      pollCreatorJid: str(ctx.body, 'pollCreatorJid') ?? poll.senderJid,
      voterJid: str(ctx.body, 'voterJid') ?? str(voterKey, 'participant') ?? str(voterKey, 'remoteJid') ?? null,
      votedOptionIndexes: indexes,
      votedOptionNames: indexes.map((index) => poll.poll?.options[index] ?? ''),
      pollTitle: poll.poll.question,
      selectableOptionsCount: poll.poll.maxSelection,
      pollOptions: poll.poll.options.map((name, index) => ({ index, name })),
      timestampMs: num(vote, 'senderTimestampMs') ?? Date.now(),
    }]);
  },

  postMiscWhatsappValidatePhone(ctx) {
    const phone = digitsOf(str(ctx.body, 'phone') ?? '');
    if (!PHONE_PATTERN.test(phone)) throw new ApiError(2002, 'phone must hold 8-15 digits including the country code');
    const exists = isOnWhatsApp(phone);
    return ok('Phone validation complete', [{ data: { exists, e164: `+${phone}`, jid: userJid(phone), lid: exists ? lidFor(phone) : null, country: str(ctx.body, 'country')?.toUpperCase() ?? countryOf(phone) ?? 'ZZ' } }]);
  },

  postMiscWhatsappValidateJid(ctx) {
    const recipient = parseRecipient(str(ctx.body, 'jid') ?? '');
    let data: { exists: boolean; type: string };
    if (!recipient || !(str(ctx.body, 'jid') ?? '').includes('@')) data = { exists: false, type: 'invalid' };
    else if (recipient.kind === 'group') data = { exists: ctx.world.state.groups.has(recipient.jid), type: 'group' };
    else if (recipient.kind === 'user') data = { exists: isOnWhatsApp(recipient.to), type: 'user' };
    else if (recipient.kind === 'lid') data = { exists: [...knownPhones(ctx)].some((phone) => lidFor(phone) === recipient.jid), type: 'lid' };
    else data = { exists: false, type: recipient.kind };
    return ok('JID validation complete', [{ data }]);
  },

  postMiscWhatsappResolveJidOrLid(ctx) {
    const input = (str(ctx.body, 'input') ?? '').trim();
    const lidMatch = /^(?:lid:)?(\d+)@lid$|^lid:(\d+)$/i.exec(input);
    if (lidMatch) {
      const lid = `${lidMatch[1] ?? lidMatch[2] ?? ''}@lid`;
      const phone = [...knownPhones(ctx)].find((candidate) => lidFor(candidate) === lid) ?? null;
      return ok('Identifier resolved', [{ data: { isValid: true, type: 'lid', lid, jid: phone ? userJid(phone) : null, country: phone ? countryOf(phone) : null } }]);
    }
    const recipient = parseRecipient(input);
    if (!recipient || recipient.kind !== 'user') return ok('Identifier resolved', [{ data: { isValid: false, type: 'unknown', lid: null, jid: null, country: null } }]);
    const exists = isOnWhatsApp(recipient.to);
    return ok('Identifier resolved', [{ data: { isValid: true, type: input.includes('@') ? 'jid' : 'phone', lid: exists ? lidFor(recipient.to) : null, jid: recipient.jid, country: countryOf(recipient.to) } }]);
  },

  postMiscMediaThumbnail(ctx) {
    const file = str(ctx.body, 'file') ?? '';
    const width = Math.min(1024, Math.max(16, num(ctx.body, 'width') ?? 320));
    const height = Math.min(1024, Math.max(16, num(ctx.body, 'height') ?? 320));
    const count = str(ctx.body, 'type') === 'video' ? Math.min(10, Math.max(1, num(ctx.body, 'count') ?? 1)) : 1;
    const output = str(ctx.body, 'output') ?? 'base64';
    const data = Array.from({ length: count }, (_, index) => ({
      thumbnail: thumbnail(ctx, `${file.slice(0, 64)}#${index}`, width, height, output, 'image/png'),
      meta: { mimetype: 'image/png', width, height },
    }));
    return ok('Thumbnails generated', [{ data }]);
  },

  postMiscMediaImage(ctx) {
    const file = str(ctx.body, 'file') ?? '';
    const source = parseDataUri(file);
    const original = (source && pngSize(source.bytes)) ?? { width: 512, height: 512 };
    const actions = obj(ctx.body, 'actions') ?? {};
    const resize = obj(actions, 'resize');
    const convert = str(actions, 'convert');
    const performed: string[] = [];
    let { width, height } = original;
    if (resize) {
      const wantedWidth = num(resize, 'width');
      const wantedHeight = num(resize, 'height');
      if (wantedWidth && wantedHeight) [width, height] = [wantedWidth, wantedHeight];
      else if (wantedWidth) [width, height] = [wantedWidth, Math.round((original.height * wantedWidth) / original.width)];
      else if (wantedHeight) [width, height] = [Math.round((original.width * wantedHeight) / original.height), wantedHeight];
      performed.push('resize');
    }
    if (convert) performed.push('convert');
    if (obj(actions, 'compress')) performed.push('compress');
    const format = convert === 'jpg' ? 'jpeg' : convert ?? source?.mimeType.split('/')[1] ?? 'png';
    const mimeType = `image/${format}`;
    const bytes = placeholderPng(file.slice(0, 64), Math.min(1024, Math.max(1, width)), Math.min(1024, Math.max(1, height)));
    const output = str(ctx.body, 'output') ?? 'base64';
    return ok('Image processed', [{
      data: output === 'base64' ? dataUrl(mimeType, bytes) : ctx.world.host(bytes, mimeType, format).url,
      details: { format, width, height, size: bytes.length },
      actionsPerformed: performed,
      createdAt: new Date().toISOString(),
      meta: { mimeType, label: 'image' },
    }]);
  },
};
