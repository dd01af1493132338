import { describe, expect, it } from 'vitest';
import { adminFromRoster, readGroupList, readInvitePreview, readParticipantList } from '@/lib/answers/groups';
import * as menu from '@/lib/answers/menu-results';

/**
 * One reader per kind of answer: the popup (lib/answers/groups.ts) and the right-click windows
 * (menu-results.ts) read getGroups, the roster and the invite preview with the same reader, over
 * every shape either of them used to handle; the menu only puts the result in its own terms.
 */

const ME = '6281234567890';

/** The stock server's getGroups answer (openapi.yaml GroupListResponse example, trimmed). */
const stockGroups = {
  status: 200,
  latencyMs: 4,
  results: [
    {
      sessionId: 'main',
      phone: ME,
      data: [
        { id: '120363111111111111@g.us', subject: 'Core Team', owner: '628199999999', ownerJid: '628199999999@whatsapp.net', desc: 'Daily standup', restrict: false, announce: false, memberAddMode: false, participantsCount: 8 },
        { id: '120363222222222222@g.us', subject: 'Announcements', owner: ME, restrict: true, announce: true, memberAddMode: true, participantsCount: 40 },
      ],
    },
  ],
};

/** The same groups as a server that lists them in `results` itself. */
const bareGroups = stockGroups.results[0]!.data;

describe('the one group-list reader', () => {
  it('reads the stock shape (results[0] = { phone, data }) and the bare one (results = the groups) alike', () => {
    const stock = readGroupList(stockGroups);
    const bare = readGroupList({ results: bareGroups });
    expect(stock.me).toBe(ME);
    expect(bare.me).toBeUndefined(); // no results[0].phone to say who I am
    expect(stock.groups.map((g) => g.id)).toEqual(bare.groups.map((g) => g.id));
    expect(stock.groups).toEqual([
      { id: '120363222222222222@g.us', subject: 'Announcements', description: '', size: 40, announce: true, restrict: true, memberAddMode: true, owner: ME, amAdmin: true },
      { id: '120363111111111111@g.us', subject: 'Core Team', description: 'Daily standup', size: 8, announce: false, restrict: false, memberAddMode: false, owner: '628199999999' },
    ]);
    // Without knowing me, owning is not known either.
    expect(bare.groups[0]).not.toHaveProperty('amAdmin');
  });

  it('also takes the bare results list, a single `result`, and `results[0].groups`', () => {
    const ids = (answer: Parameters<typeof readGroupList>[0]) => readGroupList(answer).groups.map((g) => g.id);
    expect(ids(stockGroups.results)).toEqual(['120363222222222222@g.us', '120363111111111111@g.us']);
    expect(ids(bareGroups)).toEqual(['120363222222222222@g.us', '120363111111111111@g.us']);
    expect(ids({ results: [], result: { data: [{ id: 'r@g.us' }] } })).toEqual(['r@g.us']);
    expect(ids({ results: [{ phone: ME, groups: [{ jid: 'g@g.us' }] }] })).toEqual(['g@g.us']);
    // A `data` that is no list is an empty answer, not a list of one odd group.
    expect(ids({ results: [{ data: 'nope', id: 'x@g.us' }] })).toEqual([]);
  });

  it('is what the menu window’s picker shows, in its own terms, for both shapes', () => {
    const expected = [
      { id: '120363222222222222@g.us', subject: 'Announcements', size: 40, locked: true, membersMayAdd: true },
      { id: '120363111111111111@g.us', subject: 'Core Team', size: 8, locked: false, membersMayAdd: false },
    ];
    expect(menu.readGroupList(stockGroups.results)).toEqual(expected);
    expect(menu.readGroupList(bareGroups)).toEqual(expected);
    expect(readGroupList(stockGroups).groups.map(menu.groupListEntry)).toEqual(expected);
  });

  it('counts a roster’s entries when the answer gives no count; the menu leaves an unknown size out', () => {
    const { groups } = readGroupList({ results: [{ data: [{ id: 'a@g.us', participants: [{}, { jid: `${ME}@s.whatsapp.net` }] }, { id: 'b@g.us' }] }] });
    expect(groups.map((g) => [g.id, g.size])).toEqual([['a@g.us', 2], ['b@g.us', 0]]);
    expect(groups.map(menu.groupListEntry).map((g) => g.size)).toEqual([2, undefined]);
  });
});

describe('the one admin check', () => {
  /** The stock roster (openapi.yaml GroupParticipantsResponse example). */
  const roster = [
    {
      sessionId: 'main',
      phone: ME,
      groupId: '120363111111111111@g.us',
      participants: [
        { id: '2229876543210@lid', jid: '628199999999@whatsapp.net', lid: '2229876543210@lid', isMe: false, isAdmin: true, isSuperAdmin: true },
        { id: '2221234567890@lid', jid: `${ME}@whatsapp.net`, lid: '2221234567890@lid', isMe: true, isAdmin: false, isSuperAdmin: false },
      ],
    },
  ];
  const promoted = [{ ...roster[0], participants: [roster[0]!.participants[0], { ...roster[0]!.participants[1], isAdmin: true }] }];

  it('gives the same answer to the popup and the menu window', () => {
    expect(adminFromRoster(readParticipantList({ results: roster }))).toBe(false);
    expect(menu.amAdmin(roster)).toBe(false);
    expect(adminFromRoster(readParticipantList({ results: promoted }))).toBe(true);
    expect(menu.amAdmin(promoted)).toBe(true);
  });

  it('knows me by isMe or by the answer’s own number, and an admin by any of the role fields', () => {
    expect(menu.amAdmin([{ phone: ME, participants: [{ jid: `${ME}@s.whatsapp.net`, admin: 'superadmin' }] }])).toBe(true);
    expect(menu.amAdmin([{ participants: [{ jid: 'x', isMe: 'true', admin: 'admin' }] }])).toBe(true);
    expect(menu.amAdmin([{ participants: [{ jid: 'x', isMe: true }] }])).toBe(false);
    expect(menu.amAdmin([{ participants: [{ jid: 'x', isAdmin: true }] }])).toBeUndefined();
    expect(menu.amAdmin([{ participants: 'none' }])).toBeUndefined();
    expect(menu.amAdmin([])).toBeUndefined();
  });
});

describe('the one invite-preview reader', () => {
  /** openapi.yaml GroupInvitePreview example. */
  const stock = {
    sessionId: 'main', phone: ME, groupId: '120363111111111111@g.us', groupName: 'Core Team', groupDescription: 'Daily standup', participantsCount: 8,
    isGroupLocked: true, isAnnouncement: false, isEphemeral: false, inviteLink: 'https://chat.whatsapp.com/abcdef', groupPicture: 'https://cdn.example.com/group.png',
  };

  it('reads the stock answer for the popup and words it for the menu window', () => {
    expect(readInvitePreview({ results: [stock] })).toEqual({
      subject: 'Core Team', groupId: '120363111111111111@g.us', description: 'Daily standup', size: 8, locked: true, announcement: false, picture: 'https://cdn.example.com/group.png',
    });
    expect(menu.readInvitePreview([stock])).toEqual({ subject: 'Core Team', size: 8, description: 'Daily standup', locked: true, announcement: false });
  });

  it('reads older field names, and the creator as a number for both', () => {
    const older = { subject: 'Old', size: 3, desc: 'x', restrict: true, announce: 'true', ownerJid: '628777@s.whatsapp.net' };
    expect(readInvitePreview({ results: [older] })).toEqual({ subject: 'Old', size: 3, description: 'x', creator: '628777', locked: true, announcement: true });
    expect(menu.readInvitePreview([older])).toEqual({ subject: 'Old', size: 3, description: 'x', creator: '+628777', locked: true, announcement: true });
    // A creator given by name stays a name.
    expect(menu.readInvitePreview([{ groupName: 'N', creator: 'Budi' }])?.creator).toBe('Budi');
  });

  it('without a subject: nothing for the popup, “Unnamed group” for the menu window', () => {
    expect(readInvitePreview({ results: [{ participantsCount: 2 }] })).toBeNull();
    expect(menu.readInvitePreview([{ participantsCount: 2 }])).toEqual({ subject: 'Unnamed group', size: 2, locked: false, announcement: false });
  });
});
