import { describe, expect, it } from 'vitest';
import {
  personLabel,
  readGroupInfo,
  readGroupList,
  readInvitePreview,
  readJoinRequests,
  readParticipantList,
  resultList,
  resultStatuses,
} from '@/lib/answers/groups';

/** The popup's readers of WARest's group answers: tolerant of odd fields, exact about roles. */

const ME = '6281234567890';
const answer = (first: unknown) => ({ status: 200, results: first === undefined ? [] : [first], latencyMs: 3 });

describe('readGroupList', () => {
  it('reads GET /groups (results[0] = { phone, data }), sorted by subject, with my role when the roster says it', () => {
    const { me, groups } = readGroupList(
      answer({
        phone: ME,
        data: [
          { id: '1203@g.us', subject: 'Zeta', participants: [{ jid: `${ME}@s.whatsapp.net`, admin: 'admin' }, { jid: '628111@s.whatsapp.net' }], announce: true },
          { id: '1204@g.us', subject: 'Alpha', owner: `${ME}@s.whatsapp.net`, size: 7, restrict: 'true' },
          { id: '1205@g.us', subject: 'Mid', participants: [{ jid: `${ME}@s.whatsapp.net` }] },
        ],
      }),
    );
    expect(me).toBe(ME);
    expect(groups.map((g) => [g.subject, g.size, g.amAdmin, g.announce, g.restrict])).toEqual([
      ['Alpha', 7, true, false, true], // the owner is an admin even without a roster
      ['Mid', 1, false, false, false],
      ['Zeta', 2, true, true, false],
    ]);
  });

  it('skips items without an id and falls back to the id for a missing subject', () => {
    const { groups } = readGroupList(answer({ data: [{ subject: 'no id' }, null, 'x', { jid: '99@g.us' }] }));
    expect(groups).toEqual([{ id: '99@g.us', subject: '99@g.us', description: '', size: 0, announce: false, restrict: false }]);
  });

  it('gives no groups for an empty or odd answer, rather than failing', () => {
    expect(readGroupList(answer(undefined)).groups).toEqual([]);
    expect(readGroupList(answer({ data: 'nope' })).groups).toEqual([]);
  });
});

describe('readGroupInfo and readParticipantList', () => {
  it('marks me, admins and the superadmin from any of the shapes a server uses', () => {
    const roster = readParticipantList(
      answer({
        phone: ME,
        participants: [
          { jid: `${ME}@s.whatsapp.net`, admin: 'superadmin' },
          { id: '6282222222222@s.whatsapp.net', isAdmin: true, notify: 'Citra' },
          { jid: '75987654321000@lid', phoneNumber: '6283333333333@s.whatsapp.net', name: 'Dewi' },
          { nothing: true },
        ],
      }),
    );
    expect(roster).toEqual([
      { ref: `${ME}@s.whatsapp.net`, phone: ME, isMe: true, isAdmin: true, isSuperAdmin: true },
      { ref: '6282222222222', phone: '6282222222222', name: 'Citra', isMe: false, isAdmin: true, isSuperAdmin: false },
      // A LID is not sent back when the phone number is known.
      { ref: '6283333333333', phone: '6283333333333', name: 'Dewi', isMe: false, isAdmin: false, isSuperAdmin: false },
    ]);
  });

  it('reads group info from results[0].data, with creation and owner', () => {
    const { group } = readGroupInfo(answer({ phone: ME, data: { id: '1@g.us', subject: 'Team', desc: 'Standup', creation: 1_700_000_000, owner: '628999@s.whatsapp.net', participantsCount: 12 } }));
    expect(group).toMatchObject({ id: '1@g.us', subject: 'Team', description: 'Standup', creation: 1_700_000_000, owner: '628999', size: 12 });
    expect(group?.amAdmin).toBeUndefined(); // not known without a roster
  });
});

describe('readJoinRequests', () => {
  it('reads phone or JID, method and time, and skips entries without a number', () => {
    expect(
      readJoinRequests(answer({ joinRequests: [{ phone: '6285555555555', requestMethod: 'invite_link', requestTime: 1_700_000_000 }, { jid: '6286666666666@s.whatsapp.net' }, { jid: '123@lid' }, {}] })),
    ).toEqual([
      { phone: '6285555555555', ref: '6285555555555', method: 'invite_link', time: 1_700_000_000 },
      { phone: '6286666666666', ref: '6286666666666' },
    ]);
  });
});

describe('readInvitePreview', () => {
  it('reads subject, size, description and a creator when the server sends one', () => {
    expect(readInvitePreview(answer({ groupName: 'Book Club', participantsCount: 2, groupDescription: 'One book a month', owner: '628777@s.whatsapp.net' }))).toEqual({
      subject: 'Book Club',
      size: 2,
      description: 'One book a month',
      creator: '628777',
    });
  });
  it('is null without a subject (nothing to show before Join)', () => {
    expect(readInvitePreview(answer({ participantsCount: 2 }))).toBeNull();
    expect(readInvitePreview(answer(undefined))).toBeNull();
  });
});

describe('result readers', () => {
  it('reads per-person lists and statuses from mutation answers', () => {
    const data = answer({
      addedParticipants: ['6281111111111', 7, '6282222222222'],
      participants: [{ jid: '6283333333333@s.whatsapp.net', status: '200' }, { phone: '6284444444444' }, { jid: '6285555555555@s.whatsapp.net', status: '403' }],
    });
    expect(resultList(data, 'addedParticipants')).toEqual(['6281111111111', '6282222222222']);
    expect(resultList(data, 'missing')).toEqual([]);
    expect(resultStatuses(data)).toEqual([
      { phone: '6283333333333', status: '200' },
      { phone: '6285555555555', status: '403' },
    ]);
  });
  it('labels a person by name and number, or number alone', () => {
    expect(personLabel({ phone: '6281', name: 'Budi' })).toBe('Budi (+6281)');
    expect(personLabel({ phone: '6281' })).toBe('+6281');
    expect(personLabel({ ref: 'x@lid' })).toBe('x@lid');
  });
});
