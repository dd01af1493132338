/**
 * One valid request for every operation in the spec, against the demo world (user alice, key
 * user-key; server routes with admin-key). operations.test.ts sends each to a fresh fake server
 * and checks the answer against the spec's response schema.
 */
import { appendMessage } from './chat-store';
import { encryptWhatsAppMedia } from './handlers/misc-whatsapp';
import { newMessageId, userJid } from './ids';
import type { FakeWarest } from './index';
import { dataUrl, placeholderPng } from './png';
import type { GroupRecord } from './state';

export interface SampleRequest {
  key?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Sent as JSON. */
  body?: Record<string, unknown>;
  /** HTTP status expected (default: any 2xx). */
  expectStatus?: number;
}

export interface DemoHandles {
  server: FakeWarest;
  core: GroupRecord;
  football: GroupRecord;
  alexJid: string;
  /** An inbound message in the chat with Alex. */
  inboundId: string;
  /** A text message the account sent to Alex a minute ago (editable, revocable). */
  ownId: string;
  pollId: string;
}

const ALEX = '6281122334455';
const BUDI = '6281233344455';
const EKO = '6281599911122';
const FAJAR = '6285711122233';
const PNG = dataUrl('image/png', placeholderPng('sample', 32, 32));

/** Finds the demo handles; adds the one own recent message the edit/revoke samples need. */
export function demoHandles(server: FakeWarest): DemoHandles {
  const main = server.state.sessions.get('main');
  if (!main) throw new Error('demo session "main" missing');
  const groups = [...server.state.groups.values()];
  const core = groups.find((group) => group.subject === 'Core Team');
  const football = groups.find((group) => group.subject === 'Weekend Football');
  const alexChat = main.chats.get(userJid(ALEX));
  const inbound = alexChat?.messages.find((message) => !message.fromMe);
  const poll = [...main.chats.values()].flatMap((chat) => chat.messages).find((message) => message.poll);
  if (!core || !football || !alexChat || !inbound || !poll) throw new Error('demo world is missing a sample target');
  const own = appendMessage(main, alexChat, { id: newMessageId(), messageType: 'extendedtextmessage', body: 'typo here', timestamp: Math.floor(Date.now() / 1000) - 60 });
  return { server, core, football, alexJid: alexChat.jid, inboundId: inbound.id, ownId: own.id, pollId: poll.id };
}

const session = { sessionId: 'main' };
const toAlex = { sessionId: 'main', to: ALEX };

export const operationSamples: Record<string, (demo: DemoHandles) => SampleRequest> = {
  getSessionCreate: () => ({ query: { sessionId: 'brand-new' }, expectStatus: 202 }),
  getSessionCreatePairCode: () => ({ query: { sessionId: 'pairing', phone: '6281299988877' } }),
  getSessionLogout: () => ({ query: session }),
  getSessionReconnect: () => ({ query: session, expectStatus: 202 }),
  getSessionDevices: () => ({ query: session }),
  postSessionSessionIdConfig: () => ({ params: session, body: { webhookUrl: 'https://hooks.example.com/warest', webhookSecret: 'rotated', preflight: true } }),
  getSessionList: () => ({}),
  deleteSessionDelete: () => ({ query: { sessionId: 'sales' } }),

  postMessagesSendText: () => ({ body: { ...toAlex, message: 'Hello', presence: true, isForwarded: false } }),
  postMessagesSendFiles: () => ({ body: { ...toAlex, files: [{ file: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'Spec.pdf', caption: 'Spec' }, 'https://example.com/payload.exe'] } }),
  postMessagesSendMedia: () => ({ body: { ...toAlex, media: 'https://example.com/photo.jpg', caption: 'Hi!', viewOnce: false } }),
  postMessagesSendAudio: () => ({ body: { ...toAlex, audio: 'https://example.com/voice.ogg', isVN: true } }),
  postMessagesSendDocument: () => ({ body: { ...toAlex, document: 'https://example.com/contract.pdf', filename: 'contract.pdf', caption: 'Please review' } }),
  postMessagesSendSticker: () => ({ body: { ...toAlex, sticker: PNG } }),
  postMessagesSendContact: () => ({ body: { ...toAlex, contact: { name: 'John', fullName: 'John Doe', phone: '628111111111', organization: 'Acme' } } }),
  postMessagesSendLocation: () => ({ body: { ...toAlex, location: { latitude: -6.2, longitude: 106.8, name: 'Monas', address: 'Monumen Nasional, Jakarta' } } }),
  postMessagesSendPoll: () => ({ body: { ...toAlex, question: 'Do you like WARest?', options: ['Yes', 'No'], maxSelection: 1 } }),
  postMessagesSendGif: () => ({ body: { ...toAlex, gif: 'https://example.com/loop.mp4', caption: 'loop' } }),
  postMessagesSendButton: () => ({ body: { ...toAlex, text: 'Need help?', footer: 'Support', buttons: [{ type: 'reply', displayText: 'Talk to agent', id: 'agent' }] } }),
  postMessagesSendList: () => ({ body: { ...toAlex, list: { buttonText: 'Choose', title: 'Menu', text: 'Pick one', sections: [{ title: 'Options', rows: [{ id: 'a', title: 'A' }] }] } } }),

  postMessagesMessageIdActionStar: (demo) => ({ params: { messageId: demo.inboundId }, body: toAlex }),
  postMessagesMessageIdActionUnstar: (demo) => ({ params: { messageId: demo.inboundId }, body: toAlex }),
  postMessagesMessageIdActionReaction: (demo) => ({ params: { messageId: demo.inboundId }, body: { ...toAlex, emoji: '👍' } }),
  postMessagesMessageIdActionUnreaction: (demo) => ({ params: { messageId: demo.inboundId }, body: toAlex }),
  deleteMessagesMessageIdActionDelete: (demo) => ({ params: { messageId: demo.inboundId }, body: { ...toAlex, withMedia: true } }),
  postMessagesMessageIdActionRevoke: (demo) => ({ params: { messageId: demo.ownId }, body: { ...toAlex, deleteForMe: false } }),
  postMessagesMessageIdActionEdit: (demo) => ({ params: { messageId: demo.ownId }, body: { ...toAlex, message: 'fixed' } }),
  postMessagesMessageIdActionMarkAsRead: (demo) => ({ params: { messageId: demo.inboundId }, body: toAlex }),
  postMessagesActionMute: () => ({ body: { ...toAlex, duration: 60 } }),
  postMessagesActionUnmute: () => ({ body: toAlex }),
  postMessagesActionArchive: () => ({ body: toAlex }),
  postMessagesActionUnarchive: () => ({ body: toAlex }),
  deleteMessagesActionClearAll: () => ({ body: toAlex }),

  getChats: () => ({ query: { ...session, limit: '5', sortBy: 'unreadCount', sortOrder: 'desc' } }),
  getChatsChatIdMessages: (demo) => ({ params: { chatId: demo.alexJid }, query: { ...session, limit: '3', offset: '1' } }),
  postChatsChatIdRead: (demo) => ({ params: { chatId: demo.alexJid }, body: { ...session, messages: 0, days: 7 } }),
  postChatsChatIdPin: (demo) => ({ params: { chatId: demo.alexJid }, body: { ...session, pin: true } }),
  postChatsChatIdMessagesMessageIdPin: (demo) => ({ params: { chatId: demo.alexJid, messageId: demo.inboundId }, body: { ...session, pin: true } }),

  getGroups: () => ({ query: session }),
  getGroupPicture: (demo) => ({ query: { ...session, groupId: demo.core.jid } }),
  postGroupPicture: (demo) => ({ body: { ...session, groupId: demo.core.jid, picture: PNG } }),
  deleteGroupPicture: (demo) => ({ body: { ...session, groupId: demo.core.jid } }),
  postGroupName: (demo) => ({ body: { ...session, groupId: demo.core.jid, groupName: 'Core Squad' } }),
  postGroupDescription: (demo) => ({ body: { ...session, groupId: demo.core.jid, groupDescription: 'Internal chat' } }),
  postGroupLocked: (demo) => ({ body: { ...session, groupId: demo.core.jid, locked: false } }),
  postGroupAnnouncement: (demo) => ({ body: { ...session, groupId: demo.core.jid, announcement: true } }),
  getGroupInvite: (demo) => ({ query: { ...session, groupId: demo.core.jid } }),
  postGroupInviteRevoke: (demo) => ({ body: { ...session, groupId: demo.core.jid } }),
  postGroupJoinViaLink: (demo) => {
    const outside = demo.server.addGroup('alice', 'main', { subject: 'Jakarta Meetup', myRole: 'none', participants: [{ phone: BUDI, role: 'superadmin' }] });
    return { body: { ...session, inviteLink: `https://chat.whatsapp.com/${outside.inviteCode}` } };
  },
  getGroupJoinViaLink: (demo) => ({ query: { ...session, inviteLink: `https://chat.whatsapp.com/${demo.football.inviteCode}` } }),
  getGroupParticipants: (demo) => ({ query: { ...session, groupId: demo.core.jid } }),
  postGroupParticipantsAdd: (demo) => ({ body: { ...session, groupId: demo.core.jid, participants: [EKO] } }),
  deleteGroupParticipantsRemove: (demo) => ({ body: { ...session, groupId: demo.core.jid, participants: [BUDI] } }),
  postGroupParticipantsPromote: (demo) => ({ body: { ...session, groupId: demo.core.jid, participants: [BUDI] } }),
  postGroupParticipantsDemote: (demo) => ({ body: { ...session, groupId: demo.core.jid, participants: [ALEX] } }),
  getGroupParticipantsRequests: (demo) => ({ query: { ...session, groupId: demo.core.jid } }),
  postGroupParticipantsRequestApprove: (demo) => ({ body: { ...session, groupId: demo.core.jid, participants: [EKO] } }),
  postGroupParticipantsRequestReject: (demo) => ({ body: { ...session, groupId: demo.core.jid, participants: [FAJAR] } }),
  postGroupLeave: (demo) => ({ body: { ...session, groupId: demo.football.jid } }),
  postGroupCreate: () => ({ body: { ...session, groupName: 'New Squad', participants: [ALEX, BUDI] } }),
  deleteGroupDelete: (demo) => ({ body: { ...session, groupId: demo.core.jid } }),
  getGroupInfo: (demo) => ({ query: { ...session, groupId: demo.core.jid } }),

  getProfileInfo: () => ({ query: session }),
  getProfilePicture: () => ({ query: session }),
  postProfilePicture: () => ({ body: { ...session, picture: PNG } }),
  deleteProfilePicture: () => ({ body: session }),
  getProfilePrivacy: () => ({ query: session }),
  getProfileListContacts: () => ({ query: { ...session, deep: 'true', limit: '3' } }),
  getProfileOnWhatsapp: () => ({ query: { ...session, checkNumbers: `${ALEX},6281100000000`, deep: 'true' } }),
  getProfileBusinessProfile: () => ({ query: { ...session, checkNumbers: '6282100011122' } }),

  getServerPing: () => ({ key: 'admin-key' }),
  getServerInfo: () => ({ key: 'admin-key' }),
  getServerHealthz: () => ({ key: 'admin-key' }),
  getServerCpuHistory: () => ({ key: 'admin-key', query: { period: '6h', interval: '15m' } }),
  getServerReady: () => ({ key: 'admin-key' }),
  postServerRestart: () => ({ key: 'admin-key' }),
  postServerRestartScheduled: () => ({ key: 'admin-key', body: { schedule: '02:30' } }),

  postMiscConvertStringTarget: () => ({ params: { target: 'png' }, body: { string: 'Hello QR' } }),
  postMiscWhatsappFileDecrypt: () => {
    const mediaKey = Buffer.alloc(32, 7);
    const file = encryptWhatsAppMedia(Buffer.from('secret photo bytes'), mediaKey, 'image/jpeg');
    return { body: { mediaKey: mediaKey.toString('base64'), file: file.toString('base64'), mimeType: 'image/jpeg' } };
  },
  postMiscWhatsappPollUpdateVote: (demo) => ({
    body: {
      ...session,
      pollUpdateVote: {
        pollCreationMessageKey: { id: demo.pollId, remoteJid: demo.core.jid },
        key: { participant: userJid(ALEX) },
        vote: { encPayload: Buffer.from('[1]').toString('base64'), encIv: 'YWJjZGVmZ2hpamts' },
      },
    },
  }),
  postMiscWhatsappValidatePhone: () => ({ body: { phone: ALEX } }),
  postMiscWhatsappValidateJid: () => ({ body: { jid: userJid(ALEX) } }),
  postMiscWhatsappResolveJidOrLid: () => ({ body: { input: ALEX } }),
  postMiscMediaThumbnail: () => ({ body: { file: PNG, type: 'image', width: 64, height: 64 } }),
  postMiscMediaImage: () => ({ body: { file: PNG, actions: { convert: 'webp', resize: { width: 16 } } } }),
  postMiscUuidGenerate: () => ({ body: { count: 2 } }),
  postMiscUuidValidate: () => ({ body: { value: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' } }),
  postMiscCryptoHash: () => ({ body: { input: 'text' } }),
  postMiscCryptoHmac: () => ({ body: { key: 'secret', input: 'text' } }),
  postMiscBase64: () => ({ body: { action: 'encode', input: 'Hello' } }),
};
