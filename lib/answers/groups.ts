import { firstOf, flag, count, list, phoneDigits, record, resultsOf, text, type AnswerLike } from './loose';

/**
 * WARest's group answers read into what the popup and the right-click windows show: the one
 * reader of each group answer (menu-results.ts puts them in the menu window's terms). Every
 * reader tolerates missing or odd fields (lib/answers/loose.ts): a server version that adds or
 * drops one must not blank the panel.
 */

/** An answer as the readers take it (lib/answers/loose.ts): the client's success, or its `results`. */
type Data = AnswerLike;

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
  /** Every member may add participants (not only admins); only when the answer says. */
  memberAddMode?: boolean;
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
  /** The creator's phone digits, or a name when the answer gives no number. */
  creator?: string;
  /** Only admins edit the group info. */
  locked?: boolean;
  /** Only admins send messages. */
  announcement?: boolean;
  picture?: string;
}

function readParticipant(raw: unknown, me: string | undefined): GroupParticipant | null {
  const item = record(raw);
  if (!item) return null;
  const jid = text(item.jid);
  const id = text(item.id);
  const phone = phoneDigits(jid) ?? phoneDigits(item.phoneNumber) ?? phoneDigits(item.phone) ?? phoneDigits(id);
  const ref = (jid && !jid.endsWith('@lid') ? jid : undefined) ?? phone ?? id ?? jid;
  if (!ref) return null;
  const role = text(item.admin);
  const isSuperAdmin = flag(item.isSuperAdmin) === true || role === 'superadmin';
  const name = text(item.name) ?? text(item.notify);
  return {
    ref,
    ...(phone && { phone }),
    ...(name && { name }),
    isMe: flag(item.isMe) === true || (!!me && phone === me),
    isAdmin: isSuperAdmin || flag(item.isAdmin) === true || role === 'admin',
    isSuperAdmin,
  };
}

export function readParticipants(entries: unknown, me?: string): GroupParticipant[] {
  return (list(entries) ?? []).map((raw) => readParticipant(raw, me)).filter((p): p is GroupParticipant => p !== null);
}

/**
 * The one admin check: whether this account is an admin, from a roster (me by `isMe`, or by the
 * answer's own phone number; admin by `isAdmin`, `isSuperAdmin` or `admin: "admin" | "superadmin"`);
 * undefined when the roster does not say which one is me.
 */
export function adminFromRoster(participants: readonly GroupParticipant[] | undefined): boolean | undefined {
  const mine = participants?.find((p) => p.isMe);
  return mine ? mine.isAdmin : undefined;
}

/** getGroupParticipants → whether this account is an admin of the group (see adminFromRoster). */
export function amAdmin(data: Data): boolean | undefined {
  return adminFromRoster(readParticipantList(data));
}

export function readGroup(raw: unknown, me?: string): GroupSummary | null {
  const item = record(raw);
  const id = text(item?.id) ?? text(item?.jid);
  if (!item || !id) return null;
  const participants = list(item.participants) ? readParticipants(item.participants, me) : undefined;
  const owner = phoneDigits(item.owner) ?? phoneDigits(item.ownerJid);
  const creation = count(item.creation);
  const amAdmin = adminFromRoster(participants) ?? (me && owner === me ? true : undefined);
  const memberAddMode = flag(item.memberAddMode);
  return {
    id,
    subject: text(item.subject) ?? text(item.name) ?? id,
    description: typeof item.desc === 'string' ? item.desc : '',
    // Older servers call the count `size`; else every entry of a roster counts, readable or not.
    size: count(item.participantsCount) ?? count(item.size) ?? list(item.participants)?.length ?? 0,
    announce: flag(item.announce) === true,
    restrict: flag(item.restrict) === true,
    ...(memberAddMode !== undefined && { memberAddMode }),
    ...(creation !== undefined && { creation }),
    ...(owner && { owner }),
    ...(amAdmin !== undefined && { amAdmin }),
    ...(participants && { participants }),
  };
}

/**
 * Where an answer keeps its group list: `results[0].data` on a stock server, `results[0].groups`
 * on some, and `results` itself on servers that list the groups there (results[0] is then a
 * group, with no `data` or `groups` of its own).
 */
function groupRows(data: Data): unknown[] {
  const results = resultsOf(data);
  const head = record(results[0]);
  if (!head) return [];
  return list(head.data) ?? list(head.groups) ?? ('data' in head || 'groups' in head ? [] : [...results]);
}

/**
 * The one reader of `GET /groups` (getGroups), for the popup and the right-click windows alike:
 * results[0] = { phone, data: [GroupInfo] } on a stock server (the other shapes: see groupRows).
 * Groups without an id are left out; the rest come sorted by subject.
 */
export function readGroupList(data: Data): { me?: string; groups: GroupSummary[] } {
  const me = phoneDigits(firstOf(data)?.phone);
  const groups = groupRows(data).map((raw) => readGroup(raw, me)).filter((g): g is GroupSummary => g !== null);
  return { ...(me && { me }), groups: groups.sort((a, b) => a.subject.localeCompare(b.subject)) };
}

/** `GET /group/info`: results[0].data = GroupInfo (with participants on current servers). */
export function readGroupInfo(data: Data): { me?: string; group: GroupSummary | null } {
  const first = firstOf(data);
  const me = phoneDigits(first?.phone);
  return { ...(me && { me }), group: readGroup(first?.data ?? first, me) };
}

/** `GET /group/participants`: results[0].participants. */
export function readParticipantList(data: Data): GroupParticipant[] {
  const first = firstOf(data);
  return readParticipants(first?.participants, phoneDigits(first?.phone));
}

export function readJoinRequests(data: Data): JoinRequest[] {
  const requests: JoinRequest[] = [];
  for (const raw of list(firstOf(data)?.joinRequests) ?? []) {
    const item = record(raw);
    const phone = phoneDigits(item?.phone) ?? phoneDigits(item?.jid);
    if (!item || !phone) continue;
    const method = text(item.requestMethod);
    const time = count(item.requestTime);
    requests.push({ phone, ref: phone, ...(method && { method }), ...(time !== undefined && { time }) });
  }
  return requests;
}

/**
 * The one reader of `GET /group/invite` (getGroupJoinViaLink): what an invite link leads to.
 * Null without a subject (nothing to show before Join); menu-results.ts words it for the menu window.
 */
export function readInvitePreview(data: Data): InvitePreview | null {
  const facts = readInviteFacts(data);
  return facts?.subject ? (facts as InvitePreview) : null;
}

/** What an invite answer says, the subject too only when it says it; null when it is no object. */
export function readInviteFacts(data: Data): (Omit<InvitePreview, 'subject'> & { subject?: string }) | null {
  const first = firstOf(data);
  if (!first) return null;
  const subject = text(first.groupName) ?? text(first.subject);
  const owners = [first.owner, first.ownerJid, first.creator, first.groupOwner, first.subjectOwner];
  const creator = owners.map(phoneDigits).find(Boolean) ?? text(first.creator);
  const groupId = text(first.groupId);
  const description = text(first.groupDescription) ?? text(first.desc);
  const size = count(first.participantsCount) ?? count(first.size);
  const picture = text(first.groupPicture);
  const locked = flag(first.isGroupLocked) ?? flag(first.restrict);
  const announcement = flag(first.isAnnouncement) ?? flag(first.announce);
  return {
    ...(subject && { subject }),
    ...(groupId && { groupId }),
    ...(description && { description }),
    ...(size !== undefined && { size }),
    ...(creator && { creator }),
    ...(locked !== undefined && { locked }),
    ...(announcement !== undefined && { announcement }),
    ...(picture && { picture }),
  };
}

/** `results[0][key]` as a list of strings (addedParticipants, failedToAdd, …). */
export function resultList(data: Data, key: string): string[] {
  return (list(firstOf(data)?.[key]) ?? []).filter((v): v is string => typeof v === 'string');
}

/** `results[0][key]` as a string (inviteLink, pictureUrl, status, groupId). */
export function resultText(data: Data, key: string): string | undefined {
  return text(firstOf(data)?.[key]);
}

/** `results[0].participants` as per-person statuses (promote, demote, reject answers). */
export function resultStatuses(data: Data): Array<{ phone: string; status: string }> {
  return (list(firstOf(data)?.participants) ?? []).flatMap((raw) => {
    const item = record(raw);
    const phone = phoneDigits(item?.phone) ?? phoneDigits(item?.jid) ?? text(item?.phone);
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
