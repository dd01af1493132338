import { firstResult, type ApiSuccess } from '@/lib/warest/api-result';
import { phoneFromJid } from '@/lib/sessions';

/**
 * WARest's group answers read into what the popup shows. Every reader tolerates missing or
 * odd fields: a server version that adds or drops one must not blank the panel.
 */

type Data = Omit<ApiSuccess, 'ok'>;
type Loose = Record<string, unknown>;

export interface GroupParticipant {
  /** What to send back to the server for this person: the user JID when known, else the id. */
  ref: string;
  phone?: string;
  name?: string;
  isMe: boolean;
  isAdmin: boolean;
  isSuperAdmin: boolean;
}

export interface GroupSummary {
  id: string;
  subject: string;
  description: string;
  size: number;
  announce: boolean;
  restrict: boolean;
  /** Unix seconds. */
  creation?: number;
  /** The creator's phone digits. */
  owner?: string;
  /** Whether this account is an admin: undefined until known. */
  amAdmin?: boolean;
  /** Present when the server listed them with the group. */
  participants?: GroupParticipant[];
}

export interface JoinRequest {
  phone: string;
  /** What to send to approve or reject this request. */
  ref: string;
  method?: string;
  /** Unix seconds. */
  time?: number;
}

export interface InvitePreview {
  groupId?: string;
  subject: string;
  description?: string;
  size?: number;
  creator?: string;
  locked?: boolean;
  announcement?: boolean;
  picture?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
const flag = (value: unknown): boolean => value === true || value === 'true';
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const record = (value: unknown): Loose | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined);

/** Digits of a JID or of a plain number. */
function phoneOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{5,20}$/.test(value)) return value;
  return value.endsWith('@lid') ? undefined : phoneFromJid(value);
}

function readParticipant(raw: unknown, me: string | undefined): GroupParticipant | null {
  const item = record(raw);
  if (!item) return null;
  const jid = text(item.jid);
  const id = text(item.id);
  const phone = phoneOf(jid) ?? phoneOf(item.phoneNumber) ?? phoneOf(item.phone) ?? phoneOf(id);
  const ref = (jid && !jid.endsWith('@lid') ? jid : undefined) ?? phone ?? id ?? jid;
  if (!ref) return null;
  const role = typeof item.admin === 'string' ? item.admin : undefined;
  const isSuperAdmin = flag(item.isSuperAdmin) || role === 'superadmin';
  const name = text(item.name) ?? text(item.notify);
  return {
    ref,
    ...(phone && { phone }),
    ...(name && { name }),
    isMe: flag(item.isMe) || (!!me && phone === me),
    isAdmin: isSuperAdmin || flag(item.isAdmin) || role === 'admin',
    isSuperAdmin,
  };
}

export function readParticipants(list: unknown, me?: string): GroupParticipant[] {
  return Array.isArray(list) ? list.map((raw) => readParticipant(raw, me)).filter((p): p is GroupParticipant => p !== null) : [];
}

/** Whether this account is an admin, from a roster; undefined when the roster does not say. */
export function adminFromRoster(participants: readonly GroupParticipant[] | undefined): boolean | undefined {
  const mine = participants?.find((p) => p.isMe);
  return mine ? mine.isAdmin : undefined;
}

export function readGroup(raw: unknown, me?: string): GroupSummary | null {
  const item = record(raw);
  const id = text(item?.id) ?? text(item?.jid);
  if (!item || !id) return null;
  const participants = Array.isArray(item.participants) ? readParticipants(item.participants, me) : undefined;
  const owner = phoneOf(item.owner) ?? phoneOf(item.ownerJid);
  const creation = count(item.creation);
  const amAdmin = adminFromRoster(participants) ?? (me && owner === me ? true : undefined);
  return {
    id,
    subject: text(item.subject) ?? text(item.name) ?? id,
    description: typeof item.desc === 'string' ? item.desc : '',
    size: count(item.participantsCount) ?? count(item.size) ?? participants?.length ?? 0,
    announce: flag(item.announce),
    restrict: flag(item.restrict),
    ...(creation !== undefined && { creation }),
    ...(owner && { owner }),
    ...(amAdmin !== undefined && { amAdmin }),
    ...(participants && { participants }),
  };
}

/** `GET /groups`: results[0] = { phone, data: [GroupInfo] }. */
export function readGroupList(data: Data): { me?: string; groups: GroupSummary[] } {
  const first = record(firstResult(data as ApiSuccess));
  const me = phoneOf(first?.phone);
  const list = Array.isArray(first?.data) ? first.data : Array.isArray(first?.groups) ? first.groups : [];
  const groups = list.map((raw) => readGroup(raw, me)).filter((g): g is GroupSummary => g !== null);
  return { ...(me && { me }), groups: groups.sort((a, b) => a.subject.localeCompare(b.subject)) };
}

/** `GET /group/info`: results[0].data = GroupInfo (with participants on current servers). */
export function readGroupInfo(data: Data): { me?: string; group: GroupSummary | null } {
  const first = record(firstResult(data as ApiSuccess));
  const me = phoneOf(first?.phone);
  return { ...(me && { me }), group: readGroup(first?.data ?? first, me) };
}

/** `GET /group/participants`: results[0].participants. */
export function readParticipantList(data: Data): GroupParticipant[] {
  const first = record(firstResult(data as ApiSuccess));
  return readParticipants(first?.participants, phoneOf(first?.phone));
}

export function readJoinRequests(data: Data): JoinRequest[] {
  const first = record(firstResult(data as ApiSuccess));
  const list = Array.isArray(first?.joinRequests) ? first.joinRequests : [];
  const requests: JoinRequest[] = [];
  for (const raw of list) {
    const item = record(raw);
    const phone = phoneOf(item?.phone) ?? phoneOf(item?.jid);
    if (!item || !phone) continue;
    const method = text(item.requestMethod);
    const time = count(item.requestTime);
    requests.push({ phone, ref: phone, ...(method && { method }), ...(time !== undefined && { time }) });
  }
  return requests;
}

export function readInvitePreview(data: Data): InvitePreview | null {
  const first = record(firstResult(data as ApiSuccess));
  if (!first) return null;
  const subject = text(first.groupName) ?? text(first.subject);
  if (!subject) return null;
  const creator = phoneOf(first.owner) ?? phoneOf(first.ownerJid) ?? phoneOf(first.creator) ?? phoneOf(first.groupOwner) ?? text(first.creator);
  const groupId = text(first.groupId);
  const description = text(first.groupDescription) ?? text(first.desc);
  const size = count(first.participantsCount) ?? count(first.size);
  const picture = text(first.groupPicture);
  return {
    subject,
    ...(groupId && { groupId }),
    ...(description && { description }),
    ...(size !== undefined && { size }),
    ...(creator && { creator }),
    ...(typeof first.isGroupLocked === 'boolean' && { locked: first.isGroupLocked }),
    ...(typeof first.isAnnouncement === 'boolean' && { announcement: first.isAnnouncement }),
    ...(picture && { picture }),
  };
}

/** `results[0][key]` as a list of strings (addedParticipants, failedToAdd, …). */
export function resultList(data: Data, key: string): string[] {
  const value = record(firstResult(data as ApiSuccess))?.[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `results[0][key]` as a string (inviteLink, pictureUrl, status, groupId). */
export function resultText(data: Data, key: string): string | undefined {
  return text(record(firstResult(data as ApiSuccess))?.[key]);
}

/** `results[0].participants` as per-person statuses (promote, demote, reject answers). */
export function resultStatuses(data: Data): Array<{ phone: string; status: string }> {
  const list = record(firstResult(data as ApiSuccess))?.participants;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const item = record(raw);
    const phone = phoneOf(item?.phone) ?? phoneOf(item?.jid) ?? text(item?.phone);
    const status = text(item?.status);
    return phone && status ? [{ phone, status }] : [];
  });
}

/** "+6281234567890", or the name with the number. */
export function personLabel(p: { phone?: string; name?: string; ref?: string }): string {
  const number = p.phone ? `+${p.phone}` : p.ref ?? 'unknown';
  return p.name ? `${p.name} (${number})` : number;
}

export function showDate(unixSeconds: number | undefined): string {
  if (!unixSeconds) return 'unknown';
  return new Date(unixSeconds * 1000).toLocaleDateString('en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}
