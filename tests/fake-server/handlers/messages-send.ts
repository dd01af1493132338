/**
 * Messages - Sending: every send route resolves its recipients, stores one message per recipient
 * in the session's chat with them, and answers one SendResult per recipient with a new message ID.
 */
import { appendMessage, chatFor } from '../chat-store';
import { type HandlerContext, type HandlerMap, isAdmin, loggedInSession, num, obj, str } from '../context';
import { ApiError, ok } from '../envelope';
import { newMessageId, parseRecipient, splitDestinations, type Recipient } from '../ids';
import { participantOf, type MediaInfo, type PollInfo, type SessionRecord } from '../state';
import { blockReason, mediaArgument, mediaFromFile, mediaFromString, mimeFor } from './media-input';

/** What one send stores and reports, the same for each recipient. */
interface Outgoing {
  messageType: string;
  /** `<kind> success`, the SendResult status. */
  status: string;
  body?: string | null;
  mediaType?: string | null;
  media?: MediaInfo | null;
  details?: Record<string, unknown> | null;
  poll?: PollInfo | null;
  /** People mentioned as "@<digits>" in a text (WhatsApp's own mention form). */
  mentionedJids?: string[];
  /** Route-specific advancedInfo fields. */
  advanced?: Record<string, unknown>;
}

const TEXT_LIMIT = 65536;
const BUTTON_LIMIT = 3;

/** "@6281234567890" tokens in a text → the JIDs mentioned, once each. */
function mentionsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/@(\d{6,16})(?!\d)/g)].map((match) => `${match[1]}@s.whatsapp.net`))];
}
const CAPTION_LIMIT = 1024;

/** A send option from the JSON/multipart body, or from the query string for raw uploads. */
function option(ctx: HandlerContext, name: string): unknown {
  if (ctx.body[name] !== undefined) return ctx.body[name];
  if (!ctx.rawBody) return undefined;
  const raw = ctx.query[name];
  return raw === 'true' ? true : raw === 'false' ? false : raw;
}

function textOption(ctx: HandlerContext, name: string): string | undefined {
  const value = option(ctx, name);
  return typeof value === 'string' ? value : undefined;
}

function checkCaption(caption: string | undefined): void {
  if (caption && caption.length > CAPTION_LIMIT) throw new ApiError(3014, `caption exceeds ${CAPTION_LIMIT} characters`);
}

function recipientsOf(ctx: HandlerContext, session: SessionRecord): Recipient[] {
  const destinations = splitDestinations(option(ctx, 'to'));
  if (destinations.length === 0) throw new ApiError(2001, 'to is required');
  return destinations.map((destination) => {
    const recipient = parseRecipient(destination);
    if (!recipient) throw new ApiError(3007, `Invalid recipient: ${destination}`);
    if (recipient.kind === 'group') {
      const group = ctx.world.state.groups.get(recipient.jid);
      const me = group ? participantOf(group, session.account.phone) : undefined;
      if (!group || !me) throw new ApiError(2604, `Group not found: ${recipient.jid}`);
      if (group.announce && !isAdmin(me)) throw new ApiError(3005, 'Only admins can send messages to this group');
    }
    return recipient;
  });
}

/** Stores the message for every recipient and answers the SendResult list. */
function dispatch(ctx: HandlerContext, message: string, outgoing: Outgoing | ((recipient: Recipient) => Outgoing)) {
  const session = loggedInSession(ctx);
  const quotedMessageId = textOption(ctx, 'replyMessageId') ?? null;
  const isForwarded = option(ctx, 'isForwarded') === true;
  const results = recipientsOf(ctx, session).map((recipient) => {
    const send = typeof outgoing === 'function' ? outgoing(recipient) : outgoing;
    const chat = chatFor(ctx.world, session, recipient.jid, true);
    const stored = appendMessage(session, chat, {
      id: newMessageId(),
      messageType: send.messageType,
      body: send.body ?? null,
      mediaType: send.mediaType ?? null,
      media: send.media ?? null,
      details: { ...send.details, isForwarded },
      poll: send.poll ?? null,
      mentionedJids: send.mentionedJids ?? [],
      quotedMessageId,
    });
    ctx.world.state.sent.push({ sessionId: session.id, to: recipient.jid, messageId: stored.id, messageType: send.messageType, body: send.body ?? null, presence: option(ctx, 'presence') === true, at: ctx.world.state.now() });
    return {
      phone: session.account.phone,
      to: recipient.to,
      toJid: recipient.jid,
      messageId: stored.id,
      status: send.status,
      timestamp: stored.timestamp,
      advancedInfo: { isForwarded, quotedMessageId, ...send.advanced },
    };
  });
  return ok(message, results);
}

/** Sends a list of files as documents, one message each; blocked ones are reported, not sent. */
async function sendFiles(ctx: HandlerContext) {
  const session = loggedInSession(ctx);
  const caption = textOption(ctx, 'caption');
  checkCaption(caption);
  const files: Array<{ media: MediaInfo; caption?: string }> = [];
  const blockedFiles: Array<{ name: string; mimetype: string; reason: string }> = [];
  const consider = (media: MediaInfo, itemCaption?: string) => {
    const reason = blockReason(media.fileName);
    if (reason) blockedFiles.push({ name: media.fileName ?? 'file', mimetype: media.mimeType ?? 'application/octet-stream', reason });
    else files.push({ media, caption: itemCaption ?? caption });
  };
  for (const part of ctx.files.get('files') ?? []) consider(await mediaFromFile(ctx, part, 'application/octet-stream'));
  if (ctx.rawBody) consider(await mediaArgument(ctx, 'files', 'application/octet-stream'));
  for (const item of Array.isArray(ctx.body.files) ? (ctx.body.files as unknown[]) : []) {
    if (typeof item === 'string') consider(mediaFromString(ctx, item, 'application/octet-stream'));
    else if (typeof item === 'object' && item !== null) {
      const entry = item as Record<string, unknown>;
      const file = str(entry, 'file');
      if (file) consider(mediaFromString(ctx, file, 'application/octet-stream', str(entry, 'filename') ?? null), str(entry, 'caption'));
    }
  }
  if (files.length === 0 && blockedFiles.length === 0) throw new ApiError(2001, 'files is required');
  if (files.length === 0) throw new ApiError(5502, blockedFiles[0]?.reason ?? 'Media format not supported');
  const isForwarded = option(ctx, 'isForwarded') === true;
  const quotedMessageId = textOption(ctx, 'replyMessageId') ?? null;
  const results = recipientsOf(ctx, session).map((recipient) => {
    const chat = chatFor(ctx.world, session, recipient.jid, true);
    const sent = files.map(({ media, caption: fileCaption }) => {
      const stored = appendMessage(session, chat, { id: newMessageId(), messageType: 'documentmessage', body: fileCaption ?? null, mediaType: 'document', media, quotedMessageId });
      return { name: media.fileName ?? 'file', mimetype: media.mimeType, size: media.fileSize, messageId: stored.id, timestamp: stored.timestamp };
    });
    const first = sent[0];
    return {
      phone: session.account.phone,
      to: recipient.to,
      toJid: recipient.jid,
      messageId: first?.messageId ?? '',
      status: 'files success',
      timestamp: first?.timestamp ?? 0,
      advancedInfo: { isForwarded, quotedMessageId, files: sent, blockedFiles },
    };
  });
  return ok('File message sent', results);
}

function locationOf(ctx: HandlerContext): { latitude: number; longitude: number; name?: string; address?: string } {
  const raw = ctx.body.location;
  let latitude: number | undefined;
  let longitude: number | undefined;
  let source: Record<string, unknown> = ctx.body;
  if (Array.isArray(raw)) [latitude, longitude] = raw as number[];
  else if (typeof raw === 'object' && raw !== null) source = raw as Record<string, unknown>;
  latitude ??= num(source, 'latitude');
  longitude ??= num(source, 'longitude');
  if (latitude === undefined || longitude === undefined) throw new ApiError(2001, 'location is required');
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw new ApiError(2002, 'location must hold a latitude within ±90 and a longitude within ±180');
  return { latitude, longitude, name: str(source, 'name'), address: str(source, 'address') };
}

function listSections(ctx: HandlerContext): Array<{ title?: string; rows: unknown[] }> {
  const list = obj(ctx.body, 'list');
  const candidates = [list?.sections, ctx.body.sections, ctx.body.lists];
  const sections = candidates.find((candidate) => Array.isArray(candidate) && candidate.length > 0) as Array<Record<string, unknown>> | undefined;
  if (!sections) throw new ApiError(3011, 'List needs at least one section (list.sections, sections or lists)');
  return sections.map((section) => ({ title: str(section, 'title'), rows: Array.isArray(section.rows) ? section.rows : [] }));
}

export const messageSendHandlers: HandlerMap = {
  postMessagesSendText(ctx) {
    const text = str(ctx.body, 'message') ?? '';
    if (text.trim().length === 0) throw new ApiError(2001, 'message is required');
    if (text.length > TEXT_LIMIT) throw new ApiError(3015, `message exceeds ${TEXT_LIMIT} characters`);
    const mentionedJids = mentionsIn(text);
    return dispatch(ctx, 'Text message sent', {
      messageType: 'extendedtextmessage', status: 'text success', body: text, mentionedJids, advanced: { mentionedJids },
    });
  },

  postMessagesSendFiles: sendFiles,

  async postMessagesSendMedia(ctx) {
    const media = await mediaArgument(ctx, 'media', 'image/jpeg');
    const kind = media.mimeType?.startsWith('video/') ? 'video' : media.mimeType?.startsWith('image/') ? 'image' : null;
    if (!kind) throw new ApiError(5502, 'media must be an image or a video');
    const caption = textOption(ctx, 'caption');
    checkCaption(caption);
    const compress = option(ctx, 'compress') !== false;
    const viewOnce = option(ctx, 'viewOnce') === true;
    return dispatch(ctx, 'Media message sent', {
      messageType: `${kind}message`, status: `${kind} success`, body: caption ?? null, mediaType: kind, media,
      details: { viewOnce }, advanced: { compression: { enable: compress }, mediaKind: kind, viewOnce },
    });
  },

  async postMessagesSendAudio(ctx) {
    const isVN = option(ctx, 'isVN') === true;
    const media = await mediaArgument(ctx, 'audio', isVN ? 'audio/ogg' : 'audio/mpeg');
    const mimeType = isVN ? 'audio/ogg; codecs=opus' : media.mimeType ?? 'audio/mpeg';
    return dispatch(ctx, 'Audio message sent', {
      messageType: 'audiomessage', status: isVN ? 'ptt success' : 'audio success', mediaType: 'audio', media: { ...media, mimeType },
      details: { ptt: isVN }, advanced: { isVN, mimeType },
    });
  },

  async postMessagesSendDocument(ctx) {
    const fileName = textOption(ctx, 'filename') ?? null;
    const media = await mediaArgument(ctx, 'document', 'application/octet-stream', fileName);
    const name = fileName ?? media.fileName ?? 'document';
    const reason = blockReason(name);
    if (reason) throw new ApiError(5502, reason);
    const mimetype = media.mimeType ?? mimeFor(name, 'application/octet-stream');
    const caption = textOption(ctx, 'caption');
    checkCaption(caption);
    return dispatch(ctx, 'Document message sent', {
      messageType: 'documentmessage', status: 'document success', body: caption ?? null, mediaType: 'document',
      media: { ...media, fileName: name, mimeType: mimetype }, advanced: { fileName: name, mimetype },
    });
  },

  async postMessagesSendSticker(ctx) {
    const media = await mediaArgument(ctx, 'sticker', 'image/webp');
    const compress = option(ctx, 'compress') === true;
    return dispatch(ctx, 'Sticker message sent', {
      messageType: 'stickermessage', status: 'sticker success', mediaType: 'sticker', media: { ...media, mimeType: 'image/webp' },
      advanced: { compression: { enable: compress } },
    });
  },

  postMessagesSendContact(ctx) {
    const contact = obj(ctx.body, 'contact') ?? {};
    const name = str(contact, 'name') ?? str(contact, 'fullName') ?? str(ctx.body, 'name') ?? str(ctx.body, 'fullName');
    const phone = str(contact, 'phone') ?? str(ctx.body, 'phone');
    if (!name) throw new ApiError(2001, 'contact.name is required');
    if (!phone) throw new ApiError(2001, 'contact.phone is required');
    const fullName = str(contact, 'fullName') ?? name;
    const vcard = `BEGIN:VCARD\nVERSION:3.0\nFN:${fullName}\nTEL;type=CELL;waid=${phone.replace(/\D/g, '')}:+${phone.replace(/\D/g, '')}\nEND:VCARD`;
    return dispatch(ctx, 'Contact message sent', {
      messageType: 'contactmessage', status: 'contact success', body: name, details: { displayName: name, vcard }, advanced: { displayName: name },
    });
  },

  postMessagesSendLocation(ctx) {
    const location = locationOf(ctx);
    const pin = { degreesLatitude: location.latitude, degreesLongitude: location.longitude, name: location.name ?? null, address: location.address ?? null };
    return dispatch(ctx, 'Location message sent', {
      messageType: 'locationmessage', status: 'location success', body: location.name ?? null, details: pin, advanced: { location: pin },
    });
  },

  postMessagesSendPoll(ctx) {
    const question = (str(ctx.body, 'question') ?? '').trim();
    const options = Array.isArray(ctx.body.options) ? (ctx.body.options as string[]).map((entry) => entry.trim()) : [];
    const maxSelection = num(ctx.body, 'maxSelection') ?? 1;
    if (!question) throw new ApiError(3012, 'Poll question must not be empty');
    if (options.length < 2 || options.length > 12) throw new ApiError(3012, 'A poll needs between 2 and 12 options');
    if (new Set(options).size !== options.length || options.some((entry) => !entry)) throw new ApiError(3012, 'Poll options must be distinct and non-empty');
    if (maxSelection > options.length) throw new ApiError(3012, 'maxSelection cannot exceed the number of options');
    return dispatch(ctx, 'Poll message sent', {
      messageType: 'pollcreationmessage', status: 'poll success', body: question, poll: { question, options, maxSelection },
      advanced: { question, options, maxSelection },
    });
  },

  async postMessagesSendGif(ctx) {
    const media = await mediaArgument(ctx, 'gif', 'video/mp4');
    const caption = textOption(ctx, 'caption');
    checkCaption(caption);
    const compress = option(ctx, 'compress') === true;
    return dispatch(ctx, 'GIF message sent', {
      messageType: 'videomessage', status: 'gif success', body: caption ?? null, mediaType: 'gif', media: { ...media, mimeType: 'video/mp4' },
      details: { gifPlayback: true }, advanced: { caption: caption ?? null, compression: { enable: compress } },
    });
  },

  postMessagesSendButton(ctx) {
    const text = str(ctx.body, 'text') ?? '';
    const buttons = Array.isArray(ctx.body.buttons) ? (ctx.body.buttons as Array<Record<string, unknown>>) : [];
    if (!text.trim()) throw new ApiError(2001, 'text is required');
    if (buttons.length === 0) throw new ApiError(2001, 'buttons is required');
    if (buttons.length > BUTTON_LIMIT) throw new ApiError(2002, `At most ${BUTTON_LIMIT} buttons`);
    for (const button of buttons) {
      const type = str(button, 'type') ?? 'reply';
      if (!str(button, 'displayText')) throw new ApiError(2002, 'Every button needs displayText');
      if (type === 'url' && !/^https?:\/\//.test(str(button, 'url') ?? '')) throw new ApiError(2002, 'A url button needs an http(s) url');
      if (type === 'call' && !/^\+?\d{6,16}$/.test(str(button, 'phoneNumber') ?? '')) throw new ApiError(2002, 'A call button needs a phoneNumber');
    }
    return dispatch(ctx, 'Interactive button message sent', {
      messageType: 'buttonsmessage', status: 'interactive button success', body: text,
      details: { footer: str(ctx.body, 'footer') ?? null, buttons }, advanced: { buttonCount: buttons.length },
    });
  },

  postMessagesSendList(ctx) {
    const sections = listSections(ctx);
    const rowCount = sections.reduce((total, section) => total + section.rows.length, 0);
    if (rowCount === 0) throw new ApiError(3011, 'List sections need at least one row');
    const list = obj(ctx.body, 'list') ?? {};
    const text = str(list, 'text') ?? str(ctx.body, 'text') ?? str(ctx.body, 'message') ?? str(list, 'title') ?? str(ctx.body, 'title') ?? '';
    const buttonText = str(list, 'buttonText') ?? str(ctx.body, 'buttonText') ?? 'Menu';
    return dispatch(ctx, 'Interactive list message sent', {
      messageType: 'listmessage', status: 'interactive list success', body: text,
      details: { buttonText, sections }, advanced: { sectionCount: sections.length, rowCount },
    });
  },
};
