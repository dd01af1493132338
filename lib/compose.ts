import type { OperationId } from './warest/catalog';
import { normalizePhone } from './phone';
import { parsePhoneList } from './phone-list';
import { EMPTY_RECIPIENT, resolveRecipient, type RecipientValue } from './recipient';
import { CAPTION_LIMIT, TEXT_LIMIT } from './sent-message';
import type { ComposeDraft, ComposeType } from './storage';
import { textsOf } from './i18n';

const t = textsOf('work');
type WorkKey = Parameters<typeof t>[0];

// The service worker needs these without the composer's phone parsing (libphonenumber).
export { CAPTION_LIMIT, readSent, TEXT_LIMIT, type SentMessage } from './sent-message';

/**
 * The composer's logic, without a browser: per message type, the friendly form fields become the
 * inputs of the matching WARest send operation, and every problem is found before sending, with
 * a sentence keyed by the field it belongs next to.
 */

export type ComposeForm = Omit<ComposeDraft, 'savedAt' | 'recipient'> & { recipient: RecipientValue };

/** A file picked from disk: its metadata for checks, and the value to send (a FilePayload). */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
  value: unknown;
}

export type FieldErrors = Record<string, string>;

export type BuiltSend =
  | { ok: true; operationId: OperationId; inputs: Record<string, unknown> }
  | { ok: false; errors: FieldErrors };

const OPERATION: Record<ComposeType, OperationId> = {
  text: 'postMessagesSendText',
  files: 'postMessagesSendFiles',
  media: 'postMessagesSendMedia',
  audio: 'postMessagesSendAudio',
  document: 'postMessagesSendDocument',
  sticker: 'postMessagesSendSticker',
  gif: 'postMessagesSendGif',
  contact: 'postMessagesSendContact',
  location: 'postMessagesSendLocation',
  poll: 'postMessagesSendPoll',
  buttons: 'postMessagesSendButton',
  list: 'postMessagesSendList',
};

/**
 * Picked files travel to the background as base64 inside one extension message, which Chrome caps
 * at 64 MiB: 40 MB of file is the most that fits with room to spare.
 */
export const MAX_UPLOAD_MB = 40;

/** The single-file types, their input name, and what kind of file each takes (the key of its words). */
const SINGLE_FILE: Partial<Record<ComposeType, { input: string; accepts: (mime: string, name: string) => boolean; what: WorkKey; maxMb: number }>> = {
  media: { input: 'media', accepts: (m) => /^(image|video)\//.test(m), what: 'wMedia', maxMb: 16 },
  audio: { input: 'audio', accepts: (m, n) => m.startsWith('audio/') || /\.(mp3|ogg|opus|m4a|aac|wav|amr|flac)$/i.test(n), what: 'wAudio', maxMb: 16 },
  document: { input: 'document', accepts: () => true, what: 'wFile', maxMb: MAX_UPLOAD_MB },
  sticker: { input: 'sticker', accepts: (m) => /^image\/(webp|png|jpeg|gif)$/.test(m), what: 'wSticker', maxMb: 1 },
  gif: { input: 'gif', accepts: (m) => m === 'image/gif' || m === 'video/mp4', what: 'wGif', maxMb: 16 },
};

/** Which file picker each type shows (the `accept` attribute); undefined for types without files. */
export const ACCEPT: Partial<Record<ComposeType, string>> = {
  files: '',
  media: 'image/*,video/*',
  audio: 'audio/*,.ogg,.opus,.mp3,.m4a',
  document: '',
  sticker: 'image/webp,image/png,image/jpeg,image/gif',
  gif: 'image/gif,video/mp4',
};

export function takesFiles(type: ComposeType): boolean {
  return type in ACCEPT;
}

export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 12;
export const MAX_BUTTONS = 3;
const BUTTON_TEXT_LIMIT = 20;
const MAX_SECTIONS = 10;
const MAX_ROWS = 10;
/** Executables and scripts WARest refuses whatever its allow-list says. */
const BLOCKED = /\.(exe|msi|bat|cmd|sh|com|scr|ps1|vbs)$/i;

export function emptyForm(type: ComposeType = 'text', recipient: RecipientValue = EMPTY_RECIPIENT): ComposeForm {
  return {
    type,
    recipient,
    replyMessageId: '',
    presence: false,
    message: '',
    mentions: '',
    caption: '',
    source: 'file',
    url: '',
    viewOnce: false,
    compress: true,
    isVN: false,
    filename: '',
    pickedNames: [],
    contactName: '',
    contactPhone: '',
    contactOrganization: '',
    contactEmail: '',
    latitude: '',
    longitude: '',
    placeName: '',
    address: '',
    question: '',
    pollOptions: ['', ''],
    multipleAnswers: false,
    maxSelection: '',
    bodyText: '',
    footer: '',
    buttons: [{ kind: 'reply', text: '', value: '' }],
    listTitle: '',
    listButtonText: '',
    sections: [{ title: '', rows: [{ title: '', description: '' }] }],
  };
}

/** A stored draft as a form: missing fields (an older draft) take their empty value. */
export function formFromDraft(draft: Partial<ComposeDraft> | undefined, fallback: ComposeForm): ComposeForm {
  if (!draft) return fallback;
  const { savedAt: _savedAt, ...fields } = draft;
  return { ...fallback, ...fields } as ComposeForm;
}

const isHttpUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname;
  } catch {
    return false;
  }
};

const MESSAGE_ID = /^[A-Za-z0-9._:-]{4,128}$/;

/** A number typed in a form field ("-6,2" or "-6.2"); undefined when it is not one. */
export function parseDecimal(text: string): number | undefined {
  const compact = text.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(compact)) return undefined;
  return Number(compact);
}

function checkCaption(caption: string, errors: FieldErrors): void {
  if (caption.length > CAPTION_LIMIT) errors.caption = t('capLong', { n: caption.length, max: CAPTION_LIMIT });
}

/** Mentions typed as numbers → "@digits" tokens appended to the text where not already there. */
export function withMentions(message: string, mentions: string, country: string): { text: string } | { error: string } {
  if (!mentions.trim()) return { text: message };
  const parsed = parsePhoneList(mentions, country);
  if (parsed.invalid.length > 0) {
    const bad = parsed.invalid[0]!;
    return { error: t('mention', { input: bad.input, reason: bad.reason }) };
  }
  const missing = parsed.valid.map((entry) => `@${entry.digits}`).filter((token) => !new RegExp(`${token}(?!\\d)`).test(message));
  return { text: missing.length ? `${message.trimEnd()} ${missing.join(' ')}` : message };
}

function singleFileInput(form: ComposeForm, files: readonly PickedFile[], errors: FieldErrors): unknown {
  const rule = SINGLE_FILE[form.type]!;
  if (form.source === 'url') {
    const url = form.url.trim();
    if (!url) errors.url = t('fileLink');
    else if (!isHttpUrl(url)) errors.url = t('notLink', { url });
    return url;
  }
  const file = files[0];
  if (!file) {
    errors.files = form.pickedNames.length ? t('pickAgain', { name: form.pickedNames[0]! }) : t('chooseWhat', { what: t(rule.what) });
    return undefined;
  }
  const name = file.name;
  if (!rule.accepts(file.type, name)) errors.files = t('notWhat', { name, what: t(rule.what) });
  else if (BLOCKED.test(name)) errors.files = t('blocked', { name });
  else if (file.size > rule.maxMb * 1024 * 1024) {
    errors.files = rule.maxMb === MAX_UPLOAD_MB ? t('bigUpload', { name, mb: MAX_UPLOAD_MB }) : t('bigForWa', { name, mb: rule.maxMb, what: t(rule.what) });
  }
  else if (file.size === 0) errors.files = t('fileEmpty', { name });
  return file.value;
}

function buildTypeInputs(form: ComposeForm, files: readonly PickedFile[], country: string, errors: FieldErrors): Record<string, unknown> {
  switch (form.type) {
    case 'text': {
      if (!form.message.trim()) errors.message = t('writeMsg');
      else if (form.message.length > TEXT_LIMIT) errors.message = t('msgLong', { n: form.message.length, max: TEXT_LIMIT });
      const mentioned = withMentions(form.message, form.mentions, country);
      if ('error' in mentioned) errors.mentions = mentioned.error;
      return { message: 'text' in mentioned ? mentioned.text : form.message };
    }
    case 'files': {
      if (files.length === 0) {
        errors.files = form.pickedNames.length ? t('pickFiles', { names: form.pickedNames.join(', ') }) : t('chooseFiles');
      }
      const blocked = files.find((file) => BLOCKED.test(file.name));
      const huge = files.find((file) => file.size > MAX_UPLOAD_MB * 1024 * 1024);
      if (blocked) errors.files = t('blockedSel', { name: blocked.name });
      else if (huge) errors.files = t('bigAsDoc', { name: huge.name, mb: MAX_UPLOAD_MB });
      else if (files.reduce((total, file) => total + file.size, 0) > MAX_UPLOAD_MB * 1024 * 1024) errors.files = t('bigTogether', { mb: MAX_UPLOAD_MB });
      checkCaption(form.caption, errors);
      return { files: files.map((file) => file.value), caption: form.caption.trim() || undefined };
    }
    case 'media':
    case 'audio':
    case 'document':
    case 'sticker':
    case 'gif': {
      const rule = SINGLE_FILE[form.type]!;
      const inputs: Record<string, unknown> = { [rule.input]: singleFileInput(form, files, errors) };
      if (form.type === 'media' || form.type === 'document' || form.type === 'gif') {
        checkCaption(form.caption, errors);
        inputs.caption = form.caption.trim() || undefined;
      }
      if (form.type === 'media') Object.assign(inputs, { viewOnce: form.viewOnce, compress: form.compress });
      if (form.type === 'gif' || form.type === 'sticker') inputs.compress = form.compress;
      if (form.type === 'audio') inputs.isVN = form.isVN;
      if (form.type === 'document') {
        const name = form.filename.trim();
        if (name && BLOCKED.test(name)) errors.filename = t('blockedName', { name });
        else if (name && /[\\/]/.test(name)) errors.filename = t('slashName');
        inputs.filename = name || undefined;
      }
      return inputs;
    }
    case 'contact': {
      const name = form.contactName.trim();
      if (!name) errors.contactName = t('cardName');
      const phone = normalizePhone(form.contactPhone, country);
      if (!phone.ok) errors.contactPhone = phone.message;
      const email = form.contactEmail.trim();
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.contactEmail = t('notEmail', { email });
      const contact: Record<string, string> = { name, fullName: name, phone: phone.ok ? phone.digits : '' };
      if (form.contactOrganization.trim()) contact.organization = form.contactOrganization.trim();
      if (email) contact.email = email;
      return { contact };
    }
    case 'location': {
      const latitude = parseDecimal(form.latitude);
      const longitude = parseDecimal(form.longitude);
      if (!form.latitude.trim()) errors.latitude = t('latEmpty');
      else if (latitude === undefined) errors.latitude = t('latNaN', { value: form.latitude.trim() });
      else if (Math.abs(latitude) > 90) errors.latitude = t('latRange', { value: latitude });
      if (!form.longitude.trim()) errors.longitude = t('lngEmpty');
      else if (longitude === undefined) errors.longitude = t('lngNaN', { value: form.longitude.trim() });
      else if (Math.abs(longitude) > 180) errors.longitude = t('lngRange', { value: longitude });
      const location: Record<string, unknown> = { latitude, longitude };
      if (form.placeName.trim()) location.name = form.placeName.trim();
      if (form.address.trim()) location.address = form.address.trim();
      return { location };
    }
    case 'poll': {
      const question = form.question.trim();
      if (!question) errors.question = t('pollQ');
      const options = form.pollOptions.map((option) => option.trim()).filter(Boolean);
      const lower = options.map((option) => option.toLowerCase());
      if (options.length < POLL_MIN_OPTIONS) errors.pollOptions = t('pollFew', { min: POLL_MIN_OPTIONS, n: POLL_MIN_OPTIONS - options.length });
      else if (options.length > POLL_MAX_OPTIONS) errors.pollOptions = t('pollMany', { max: POLL_MAX_OPTIONS, n: options.length - POLL_MAX_OPTIONS });
      else if (new Set(lower).size !== lower.length) errors.pollOptions = t('pollSame', { option: options[lower.findIndex((o, i) => lower.indexOf(o) !== i)]! });
      let maxSelection = 1;
      if (form.multipleAnswers) {
        const typed = form.maxSelection.trim();
        maxSelection = options.length || 1;
        if (typed) {
          const limit = Number(typed);
          if (!Number.isInteger(limit) || limit < 1) errors.maxSelection = t('maxWhole');
          else if (options.length >= POLL_MIN_OPTIONS && limit > options.length) errors.maxSelection = t('maxOver', { n: options.length });
          else maxSelection = limit;
        }
      }
      return { question, options, maxSelection };
    }
    case 'buttons': {
      const text = form.bodyText.trim();
      if (!text) errors.bodyText = t('btnBody');
      if (form.buttons.length === 0) errors.buttons = t('addBtn');
      if (form.buttons.length > MAX_BUTTONS) errors.buttons = t('btnMany', { max: MAX_BUTTONS, n: form.buttons.length - MAX_BUTTONS });
      const buttons = form.buttons.map((button, index) => {
        const displayText = button.text.trim();
        if (!displayText) errors[`buttons.${index}.text`] = t('btnLabel');
        else if (displayText.length > BUTTON_TEXT_LIMIT) errors[`buttons.${index}.text`] = t('btnLong', { max: BUTTON_TEXT_LIMIT });
        const value = button.value.trim();
        if (button.kind === 'url') {
          if (!isHttpUrl(value)) errors[`buttons.${index}.value`] = value ? t('notLink', { url: value }) : t('btnLink');
          return { type: 'url', displayText, url: value };
        }
        if (button.kind === 'call') {
          const phone = normalizePhone(value, country);
          if (!phone.ok) errors[`buttons.${index}.value`] = phone.message;
          return { type: 'call', displayText, phoneNumber: phone.ok ? `+${phone.digits}` : value };
        }
        return { type: 'reply', displayText, id: `btn-${index + 1}` };
      });
      return { text, buttons, footer: form.footer.trim() || undefined };
    }
    case 'list': {
      const text = form.bodyText.trim();
      if (!text) errors.bodyText = t('listBody');
      const buttonText = form.listButtonText.trim();
      if (!buttonText) errors.listButtonText = t('listBtn');
      else if (buttonText.length > BUTTON_TEXT_LIMIT) errors.listButtonText = t('listBtnLong', { max: BUTTON_TEXT_LIMIT });
      if (form.sections.length === 0) errors.sections = t('addSection');
      if (form.sections.length > MAX_SECTIONS) errors.sections = t('sectMany', { max: MAX_SECTIONS });
      const sections = form.sections.map((section, s) => {
        if (!section.title.trim()) errors[`sections.${s}.title`] = t('sectTitle');
        if (section.rows.length === 0) errors[`sections.${s}.rows`] = t('addRow');
        if (section.rows.length > MAX_ROWS) errors[`sections.${s}.rows`] = t('rowMany', { max: MAX_ROWS });
        return {
          title: section.title.trim(),
          rows: section.rows.map((row, r) => {
            if (!row.title.trim()) errors[`sections.${s}.rows.${r}.title`] = t('rowTitle');
            return { id: `row-${s + 1}-${r + 1}`, title: row.title.trim(), ...(row.description.trim() && { description: row.description.trim() }) };
          }),
        };
      });
      const list: Record<string, unknown> = { buttonText, text, sections };
      if (form.listTitle.trim()) list.title = form.listTitle.trim();
      if (form.footer.trim()) list.footer = form.footer.trim();
      return { list };
    }
  }
}

/**
 * The form → the send operation and its inputs, or the problems by field. `files` are the files
 * picked for this send (their values already turned into payloads).
 */
export function buildSend(form: ComposeForm, sessionId: string, files: readonly PickedFile[], country: string): BuiltSend {
  const errors: FieldErrors = {};
  const recipient = resolveRecipient(form.recipient, country);
  if (!recipient.ok) errors.recipient = recipient.reason;
  const reply = form.replyMessageId.trim();
  if (reply && !MESSAGE_ID.test(reply)) errors.replyMessageId = t('notMsgId', { id: reply });
  const typeInputs = buildTypeInputs(form, files, country, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const inputs: Record<string, unknown> = { sessionId, to: recipient.ok ? recipient.to : '', ...typeInputs };
  if (reply) inputs.replyMessageId = reply;
  if (form.presence) inputs.presence = true;
  for (const key of Object.keys(inputs)) if (inputs[key] === undefined) delete inputs[key];
  return { ok: true, operationId: OPERATION[form.type], inputs };
}
