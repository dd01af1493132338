/**
 * The demo world (`demo: true`): three sessions in the three situations a user meets (open,
 * logged out, waiting for a QR scan), groups where the account is creator, admin and plain
 * member (with join requests to approve), and chats with a bit of everything.
 */
import { appendMessage, chatFor } from './chat-store';
import { newMessageId, userJid } from './ids';
import { placeholderPng } from './png';
import { addGroup, addSession } from './seed';
import { nowSeconds, type ChatRecord, type SessionRecord } from './state';
import type { FakeWorld } from './world';

const PEOPLE = {
  alex: { phone: '6281122334455', name: 'Alex Marker' },
  budi: { phone: '6281233344455', name: 'Budi Santoso' },
  citra: { phone: '6281355566677', name: 'Citra Lestari' },
  dewi: { phone: '6281477788899', name: 'Dewi Anggraini' },
  eko: { phone: '6281599911122', name: 'Eko Prasetyo' },
  fajar: { phone: '6285711122233', name: 'Fajar Nugroho' },
  kopi: { phone: '6282100011122', name: 'Toko Kopi Nusantara' },
};

function inbound(session: SessionRecord, chat: ChatRecord, minutesAgo: number, body: string, from?: string, read = true): void {
  appendMessage(session, chat, { id: newMessageId(), messageType: 'conversation', body, fromMe: false, senderJid: from ? userJid(from) : chat.jid, timestamp: nowSeconds() - minutesAgo * 60, read });
}

function outbound(session: SessionRecord, chat: ChatRecord, minutesAgo: number, body: string): void {
  appendMessage(session, chat, { id: newMessageId(), messageType: 'extendedtextmessage', body, timestamp: nowSeconds() - minutesAgo * 60 });
}

export function seedDemo(world: FakeWorld, user: string): void {
  for (const person of Object.values(PEOPLE)) world.state.people.set(person.phone, { ...person, about: 'Available', business: null });
  const kopiBusiness = { description: 'Specialty coffee roasters in Jakarta', email: 'halo@tokokopi.example', address: 'Jl. Kemang Raya 10, Jakarta', categories: ['Coffee shop', 'Retail'], websites: ['https://tokokopi.example'], businessHoursTimezone: 'Asia/Jakarta' };
  world.state.people.set(PEOPLE.kopi.phone, { ...PEOPLE.kopi, about: 'Fresh beans every Monday', business: kopiBusiness });

  const avatar = world.host(placeholderPng('main-avatar', 192, 192), 'image/png', 'png');
  const main = addSession(world, user, {
    id: 'main',
    status: 'open',
    account: { phone: '6281234567890', pushName: 'WARest Demo', about: 'Powered by the fake WARest server' },
    contacts: Object.values(PEOPLE),
    picture: { id: 'A1B2C3D4', url: avatar.url },
    webhookUrl: 'https://hooks.example.com/warest',
    webhookSecret: 'demo-secret',
  });
  addSession(world, user, { id: 'sales', status: 'logged_out', account: { phone: '6281298765432', pushName: 'WARest Sales' } });
  addSession(world, user, { id: 'support', status: 'connecting', account: { phone: '6281311122233', pushName: 'WARest Support' } });

  const core = addGroup(world, user, 'main', {
    subject: 'Core Team',
    desc: 'Daily standup at 09:00. Decisions go in the pinned notes.',
    restrict: true,
    participants: [
      { ...PEOPLE.alex, role: 'admin' },
      { ...PEOPLE.budi },
      { ...PEOPLE.citra },
    ],
    joinRequests: [{ ...PEOPLE.eko }, { ...PEOPLE.fajar, requestMethod: 'linked_group_join' }],
    joinApprovalMode: true,
  });
  const football = addGroup(world, user, 'main', {
    subject: 'Weekend Football',
    desc: 'Saturdays 07:00, Senayan field 3',
    myRole: 'member',
    participants: [{ ...PEOPLE.budi, role: 'superadmin' }, { ...PEOPLE.dewi, role: 'admin' }, { ...PEOPLE.eko }, { ...PEOPLE.alex }],
  });
  addGroup(world, user, 'main', {
    subject: 'Product Launch',
    myRole: 'admin',
    participants: [{ ...PEOPLE.citra, role: 'superadmin' }, { ...PEOPLE.dewi }],
    announce: true,
  });

  const alex = chatFor(world, main, userJid(PEOPLE.alex.phone), true);
  outbound(main, alex, 180, 'Hi Alex, is the server migration still on for tonight?');
  inbound(main, alex, 170, 'Yes, starting at 22:00.');
  outbound(main, alex, 165, 'Great, I will keep the sessions running.');
  inbound(main, alex, 12, 'Ping?', undefined, false);
  inbound(main, alex, 11, 'Can you check the webhook logs?', undefined, false);

  const budi = chatFor(world, main, userJid(PEOPLE.budi.phone), true);
  const photo = world.host(placeholderPng('budi-photo', 320, 240), 'image/png', 'png');
  appendMessage(main, budi, {
    id: newMessageId(), messageType: 'imagemessage', body: 'New office view', fromMe: false, timestamp: nowSeconds() - 3 * 3600, mediaType: 'image',
    media: { url: photo.url, mimeType: 'image/png', fileName: 'office.png', fileSize: 0 },
  });
  outbound(main, budi, 170, 'Looks great!');

  const kopi = chatFor(world, main, userJid(PEOPLE.kopi.phone), true);
  inbound(main, kopi, 2 * 24 * 60, 'Your order #1042 has shipped.');
  appendMessage(main, kopi, {
    id: newMessageId(), messageType: 'documentmessage', body: 'Invoice', fromMe: false, timestamp: nowSeconds() - 2 * 24 * 3600 + 60, mediaType: 'document',
    media: { url: null, mimeType: 'application/pdf', fileName: 'invoice-1042.pdf', fileSize: 48213 },
  });
  kopi.archived = true;

  const coreChat = chatFor(world, main, core.jid, true);
  inbound(main, coreChat, 95, 'Morning all, standup in 5', PEOPLE.alex.phone);
  outbound(main, coreChat, 93, 'Joining now');
  appendMessage(main, coreChat, {
    id: newMessageId(), messageType: 'pollcreationmessage', body: 'Release day?', timestamp: nowSeconds() - 90 * 60,
    poll: { question: 'Release day?', options: ['Tuesday', 'Wednesday', 'Thursday'], maxSelection: 1 },
  });
  inbound(main, coreChat, 30, 'Wednesday works for me', PEOPLE.citra.phone, false);
  coreChat.pinnedAt = nowSeconds() - 86400;

  const footballChat = chatFor(world, main, football.jid, true);
  inbound(main, footballChat, 26 * 60, 'Who is in for Saturday?', PEOPLE.budi.phone);
  outbound(main, footballChat, 25 * 60, 'Count me in');
  footballChat.mutedUntil = nowSeconds() + 7 * 86400;
}
