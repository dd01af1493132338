import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest, type GroupRecord, type SessionRecord } from '../fake-server/index';
import { dataUrl, placeholderPng } from '../fake-server/png';
import { endServer, resetExtension, useExtension } from './support/fixture';
import { openPopupFor, reopenWithBrowserLanguage, sessionRow, chooseFromRowMenu } from './support/popup-page';

/**
 * The groups of a session, from the popup, as a person uses them: the list, one group's panel
 * (info, picture, name, description, settings, invite link, leave, delete), its participants and
 * join requests, creating a group and joining one by link. Every check is on the fake server's
 * state, and every request must fit WARest's published contract.
 */

const ME = '6281234567890';
const INVITE_CODE = 'AbCdEfGhIjKlMnOpQrStUv';
const OTHER_INVITE = 'JoinMeJoinMeJoinMe1234';

const extension = useExtension();
let server: FakeWarest;
let popup: Page;
let core: GroupRecord;
let main: SessionRecord;
let neighbours: GroupRecord;
let outside: GroupRecord;

beforeEach(async () => {
  server = await startFakeWarest();
  main = server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: ME } });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  core = server.addGroup('alice', 'main', {
    subject: 'Core Team',
    desc: 'Daily standup at nine',
    creation: Date.UTC(2024, 2, 10) / 1000,
    participants: [
      { phone: '6281111111111', role: 'admin', name: 'Budi' },
      { phone: '6282222222222', name: 'Citra' },
      { phone: '6283333333333', name: 'Dewi' },
    ],
    joinRequests: [{ phone: '6284444444444', name: 'Eko' }, { phone: '6285555555555' }, { phone: '6286666666666' }],
    inviteCode: INVITE_CODE,
    picture: { id: 'pic-core', url: dataUrl('image/png', placeholderPng('core')) },
  });
  server.addGroup('alice', 'main', {
    subject: 'Football Sunday',
    myRole: 'member',
    announce: true,
    restrict: true,
    participants: [{ phone: '6287777777777', role: 'superadmin' }],
  });
  neighbours = server.addGroup('alice', 'main', { subject: 'Neighbours', participants: [{ phone: '6288888888888' }] });
  outside = server.addGroup('alice', 'main', {
    subject: 'Book Club',
    myRole: 'none',
    desc: 'One book a month',
    inviteCode: OTHER_INVITE,
    participants: [{ phone: '6289999999999', role: 'superadmin', name: 'Fajar' }, { phone: '6281212121212' }],
  });
  await resetExtension(extension);
  popup = await openPopupFor(extension, { url: server.url });
});
afterEach(async () => {
  await endServer(extension, server);
});

const group = (record: GroupRecord) => server.state.groups.get(record.jid);
const phones = (record: GroupRecord) => group(record)?.participants.map((p) => p.phone) ?? [];
const notice = (text: string | RegExp) => popup.getByRole('status').filter({ hasText: text }).waitFor();
const alert = (text: string | RegExp) => popup.getByRole('alert').filter({ hasText: text }).waitFor();

async function openGroups(): Promise<void> {
  await chooseFromRowMenu(popup, 'main', 'Groups');
  await popup.getByRole('list', { name: /^Groups \(\d+\)$/ }).waitFor();
}

async function openGroup(subject: string): Promise<void> {
  await openGroups();
  await popup.getByRole('button', { name: `Open ${subject}` }).click();
  await popup.getByRole('heading', { name: subject }).waitFor();
}

async function openParticipants(subject: string): Promise<void> {
  await openGroup(subject);
  await popup.getByRole('button', { name: /^Participants \(\d+\)$/ }).click();
  await popup.getByRole('list', { name: /^Participants \(\d+\)$/ }).waitFor();
}

async function openRequests(subject: string): Promise<void> {
  await openGroup(subject);
  await popup.getByRole('button', { name: 'Join requests' }).click();
  await popup.getByRole('list', { name: /^Join requests \(\d+\)$/ }).waitFor();
}

describe('the group list', () => {
  it('is offered only for open sessions and lists name, size, my role and flags, with a filter and a count', async () => {
    await sessionRow(popup, 'main').waitFor();
    // A logged-out session's menu has no Groups (an open one's has).
    await sessionRow(popup, 'sales').getByRole('button', { name: 'More for sales' }).click();
    const salesMenu = popup.getByRole('menu', { name: 'More for sales' });
    await salesMenu.getByRole('menuitem').first().waitFor();
    expect(await salesMenu.getByRole('menuitem', { name: 'Groups', exact: true }).count()).toBe(0);
    await popup.keyboard.press('Escape');
    await openGroups();
    const list = popup.getByRole('list', { name: 'Groups (3)' });
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await popup.getByText('3 groups', { exact: true }).count()).toBe(1);

    const coreRow = list.getByRole('listitem', { name: 'Core Team' });
    expect(await coreRow.innerText()).toMatch(/4 participants[\s\S]*admin/);
    const footballRow = list.getByRole('listitem', { name: 'Football Sunday' });
    await expect.poll(() => footballRow.innerText()).toMatch(/2 participants[\s\S]*member[\s\S]*announcement[\s\S]*locked/);
    expect(await list.getByRole('listitem', { name: 'Book Club' }).count()).toBe(0);

    await popup.getByLabel('Filter groups').fill('foot');
    await expect.poll(() => popup.getByRole('list', { name: 'Groups (1)' }).count()).toBe(1);
    expect(await popup.getByText('1 of 3 groups match').count()).toBe(1);
    await popup.getByLabel('Filter groups').fill('nothing like it');
    await popup.getByText('No group matches “nothing like it”.').waitFor();
  });
});

describe('the group panel', () => {
  it('shows the info and the picture', async () => {
    await openGroup('Core Team');
    const info = popup.getByRole('definition');
    await expect.poll(() => info.allInnerTexts()).toEqual(['Daily standup at nine', '10 Mar 2024', `+${ME}`, '4', 'admin']);
    const picture = popup.getByRole('img', { name: 'Picture of Core Team' });
    await expect.poll(() => picture.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });

  it('renames the group and edits its description', async () => {
    await openGroup('Core Team');
    await popup.getByRole('button', { name: 'Rename' }).click();
    await popup.getByRole('form', { name: 'Rename' }).getByLabel('Group name').fill('Core Team 2025');
    await popup.getByRole('button', { name: 'Save name' }).click();
    await notice('Renamed “Core Team” to “Core Team 2025”. The server said: “Group name updated”.');
    expect(group(core)?.subject).toBe('Core Team 2025');
    await popup.getByRole('heading', { name: 'Core Team 2025' }).waitFor();

    await popup.getByRole('button', { name: 'Edit description' }).click();
    await popup.getByRole('form', { name: 'Edit description' }).getByLabel('Description').fill('Standup at ten\nRetro on Fridays');
    await popup.getByRole('button', { name: 'Save description' }).click();
    await notice('Saved the description of “Core Team 2025”.');
    expect(group(core)?.desc).toBe('Standup at ten\nRetro on Fridays');

    // Back in the list, the new name is there without asking the server again.
    await popup.getByRole('button', { name: 'Back to groups' }).click();
    await popup.getByRole('listitem', { name: 'Core Team 2025' }).waitFor();
  });

  it('turns announcement mode and the lock on and off', async () => {
    await openGroup('Core Team');
    const announcement = popup.getByRole('checkbox', { name: /^Announcement mode/ });
    const locked = popup.getByRole('checkbox', { name: /^Locked/ });
    expect(await announcement.isChecked()).toBe(false);
    await announcement.check();
    await notice(/Announcement mode is on.*The server said: “Group announcement enabled”/);
    expect(group(core)?.announce).toBe(true);
    await locked.check();
    await notice(/Locked: only admins can now change/);
    expect(group(core)?.restrict).toBe(true);
    await announcement.uncheck();
    await notice(/Announcement mode is off/);
    expect(group(core)?.announce).toBe(false);
    expect(await locked.isChecked()).toBe(true);
  });

  it('shows the invite link and resets it only after confirmation', async () => {
    await openGroup('Core Team');
    await popup.getByRole('button', { name: 'Show invite link' }).click();
    const link = popup.getByRole('status', { name: 'Invite link' });
    await expect.poll(() => link.innerText()).toBe(`https://chat.whatsapp.com/${INVITE_CODE}`);
    // Record what is written to the clipboard (a headless browser has no clipboard to read back).
    await popup.evaluate(() => {
      const copied: string[] = ((window as unknown as { copied: string[] }).copied = []);
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    await popup.getByRole('button', { name: 'Copy link' }).click();
    await notice('Invite link copied.');
    expect(await popup.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([`https://chat.whatsapp.com/${INVITE_CODE}`]);

    await popup.getByRole('button', { name: 'Reset link' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Reset the invite link of “Core Team”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(group(core)?.inviteCode).toBe(INVITE_CODE);

    await popup.getByRole('button', { name: 'Reset link' }).click();
    await dialog.getByRole('button', { name: 'Reset link' }).click();
    await notice(/The invite link of “Core Team” was reset.*The server said: “Invite link revoked”/);
    const fresh = group(core)?.inviteCode;
    expect(fresh).not.toBe(INVITE_CODE);
    await expect.poll(() => link.innerText()).toBe(`https://chat.whatsapp.com/${fresh}`);
  });

  it('sets the picture from a URL and from a file, and removes it only after confirmation', async () => {
    await openGroup('Core Team');
    await popup.getByRole('button', { name: 'Change picture' }).click();
    await popup.getByLabel('Picture URL').fill('https://images.example.com/team.jpg');
    await popup.getByRole('button', { name: 'Set from URL' }).click();
    await notice('New picture set for “Core Team” from the link. The server said: “Group picture updated”.');
    expect(group(core)?.picture?.url).toBe('https://images.example.com/team.jpg');

    await popup.getByRole('button', { name: 'Change picture' }).click();
    await popup.getByLabel('Picture file (JPEG or PNG)').setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: placeholderPng('team') });
    await popup.getByRole('button', { name: 'Set from file' }).click();
    await notice('New picture set for “Core Team” from “team.png”.');
    const hosted = group(core)?.picture?.url ?? '';
    expect(hosted).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);
    await expect.poll(() => popup.getByRole('img', { name: 'Picture of Core Team' }).getAttribute('src')).toBe(hosted);

    await popup.getByRole('button', { name: 'Remove picture' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Remove the picture of “Core Team”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(group(core)?.picture?.url).toBe(hosted);
    await popup.getByRole('button', { name: 'Remove picture' }).click();
    await dialog.getByRole('button', { name: 'Remove picture' }).click();
    await notice('Removed the picture of “Core Team”.');
    expect(group(core)?.picture).toBeNull();
    await popup.getByText('No picture').waitFor();
  });

  it('has Back at the top, and Leave and Delete apart from People, in a danger zone at the end', async () => {
    await openGroup('Core Team');
    const panel = popup.getByRole('region', { name: 'Group Core Team' });
    const top = async (name: string) => (await panel.getByRole('button', { name, exact: false }).boundingBox())!.y;
    const heading = (await popup.getByRole('heading', { name: 'Core Team', level: 2 }).boundingBox())!.y;
    expect(await top('Back to groups')).toBeLessThan(heading);
    const people = panel.getByRole('region', { name: 'People' });
    const danger = panel.getByRole('region', { name: 'Leave or delete' });
    expect(await people.getByRole('button', { name: 'Leave group' }).count()).toBe(0);
    expect(await danger.getByRole('button', { name: 'Leave group' }).count()).toBe(1);
    expect(await danger.getByRole('button', { name: 'Delete group' }).count()).toBe(1);
    // The danger zone comes after everything else in the panel.
    const dangerBox = (await danger.boundingBox())!;
    expect(dangerBox.y).toBeGreaterThan((await people.boundingBox())!.y);
    const lastButton = (await panel.getByRole('button').last().boundingBox())!;
    expect(lastButton.y).toBeGreaterThanOrEqual(dangerBox.y);
    await panel.getByRole('button', { name: 'Back to groups' }).click();
    await popup.getByRole('list', { name: 'Groups (3)' }).waitFor();
  });

  it('reflows at 320 px wide (the panel and the join requests), every control at least 24 px tall', async () => {
    await popup.setViewportSize({ width: 320, height: 600 });
    await popup.addStyleTag({ content: 'body { width: auto; }' });
    const fits = async () => {
      // Once laid out at the new width (a resize is not drawn synchronously).
      await expect.poll(() => popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      const small = (await popup.locator('button:visible').evaluateAll((buttons) => buttons.map((b) => [b.textContent, b.getBoundingClientRect().height] as const))).filter(([, h]) => h < 24);
      expect(small).toEqual([]);
    };
    await openGroup('Core Team');
    await popup.getByRole('button', { name: /^Join requests/ }).waitFor();
    await fits();
    await popup.getByRole('button', { name: /^Join requests/ }).click();
    await popup.getByRole('list', { name: 'Join requests (3)' }).waitFor();
    await fits();
  });

  it('leaves a group only after confirmation', async () => {
    await openGroup('Neighbours');
    await popup.getByRole('button', { name: 'Leave group' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Leave “Neighbours”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(phones(neighbours)).toContain(ME);

    await popup.getByRole('button', { name: 'Leave group' }).click();
    await dialog.getByRole('button', { name: 'Leave group' }).click();
    await notice('Left “Neighbours”. This account no longer receives its messages. The server said: “Left group”.');
    expect(phones(neighbours)).not.toContain(ME);
    await popup.getByRole('list', { name: 'Groups (2)' }).waitFor();
  });

  it('deletes a group only when its exact name is typed', async () => {
    await openGroup('Neighbours');
    await popup.getByRole('button', { name: 'Delete group' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Delete “Neighbours”?' });
    const confirm = dialog.getByRole('button', { name: 'Delete group' });
    await dialog.getByLabel('Type “Neighbours” to confirm').fill('neighbours');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(group(neighbours)).toBeDefined();
    expect(phones(neighbours)).toEqual([ME, '6288888888888']);

    await popup.getByRole('button', { name: 'Delete group' }).click();
    await dialog.getByLabel('Type “Neighbours” to confirm').fill('Neighbours');
    await confirm.click();
    await notice(/Deleted “Neighbours”.*The server said: “Group disbanded”/);
    expect(group(neighbours)).toBeUndefined();
    await popup.getByRole('list', { name: 'Groups (2)' }).waitFor();
  });

  it('as a plain member of a locked group, offers no admin actions', async () => {
    await openGroup('Football Sunday');
    await expect.poll(() => popup.getByRole('checkbox', { name: /^Announcement mode/ }).isDisabled()).toBe(true);
    expect(await popup.getByRole('checkbox', { name: /^Announcement mode/ }).isChecked()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Show invite link' }).isDisabled()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Rename' }).isDisabled()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Delete group' }).isDisabled()).toBe(true);
    expect(await popup.getByText('Only admins can change these settings.').count()).toBe(1);
  });

  it('says in words when the server refuses because this account is not an admin', async () => {
    await openGroup('Core Team');
    // Once the panel knows this account's role (its own check must not see the change below)…
    await expect.poll(() => popup.getByRole('definition').filter({ hasText: /^admin$/ }).count()).toBeGreaterThan(0);
    expect(await popup.getByRole('button', { name: 'Show invite link' }).isEnabled()).toBe(true);
    // …someone demotes it while the panel is open.
    const mine = group(core)?.participants.find((p) => p.phone === ME);
    if (mine) mine.role = 'member';
    await popup.getByRole('button', { name: 'Show invite link' }).click();
    await alert('Only admins of “Core Team” can do this, and this WhatsApp account is not one. Ask an admin to make it an admin, then try again. The server said: “Operation requires admin privileges”.');
  });
});

describe('participants', () => {
  it('lists them with admin badges and a search', async () => {
    await openParticipants('Core Team');
    const roster = popup.getByRole('list', { name: 'Participants (4)' });
    expect(await roster.getByRole('listitem', { name: `+${ME}` }).innerText()).toMatch(/you[\s\S]*creator/);
    expect(await roster.getByRole('listitem', { name: 'Budi (+6281111111111)' }).innerText()).toContain('admin');
    expect(await roster.getByRole('listitem', { name: 'Citra (+6282222222222)' }).innerText()).not.toContain('admin');
    await popup.getByLabel('Search participants').fill('dew');
    await expect.poll(() => popup.getByRole('list', { name: 'Participants (1)' }).getByRole('listitem').allInnerTexts()).toEqual(['Dewi (+6283333333333)']);
  });

  it('adds pasted numbers after showing which are valid, invalid or repeated', async () => {
    await openParticipants('Core Team');
    const form = popup.getByRole('form', { name: 'Add participants' });
    await form.getByLabel('Numbers to add').fill('+62 812-9000-1111\nhttps://wa.me/6281290002222\n+62 812 9000 1111\nnot a number\n+62 812-9999-0000');
    await expect.poll(() => form.innerText()).toContain('3 valid numbers.');
    expect(await form.getByRole('list', { name: 'Numbers that are not usable' }).innerText()).toContain('“not a number”');
    expect(await form.innerText()).toContain('1 duplicate left out: “+62 812 9000 1111”');
    expect(phones(core)).not.toContain('6281290001111');

    await form.getByRole('button', { name: 'Add 3 participants' }).click();
    await notice('Added 2 of 3 to “Core Team”. Not added: +6281299990000 (not on WhatsApp). The server said: “Participants added”.');
    expect(phones(core)).toEqual(expect.arrayContaining(['6281290001111', '6281290002222']));
    expect(phones(core)).not.toContain('6281299990000');
    await popup.getByRole('list', { name: 'Participants (6)' }).waitFor();
  });

  it('offers the country code for numbers typed with a leading 0, and reads them with it once saved', async () => {
    // A browser whose language is Indonesian suggests +62; no default country code is set.
    popup = await reopenWithBrowserLanguage(extension, popup, 'id-ID');
    await openParticipants('Core Team');
    const form = popup.getByRole('form', { name: 'Add participants' });
    await form.getByLabel('Numbers to add').fill('0812 9000 3333\n0812-9000-4444');
    await expect.poll(() => form.innerText()).toContain('No usable numbers');
    await form.getByRole('button', { name: 'Use +62 for them' }).click();
    await expect.poll(() => form.innerText()).toContain('2 valid numbers.');
  });

  it('adds many numbers as a background job with its progress in the panel', async () => {
    await openParticipants('Core Team');
    const numbers = Array.from({ length: 8 }, (_, i) => `+62 813 4000 ${String(1000 + i)}`);
    await popup.getByLabel('Numbers to add').fill(numbers.join('\n'));
    await popup.getByRole('button', { name: 'Add 8 participants' }).click();
    await notice(/Adding 8 numbers to “Core Team” in the background/);
    await expect.poll(() => phones(core).filter((p) => p.startsWith('628134000')).length, { timeout: 30_000 }).toBe(8);
    await popup.getByRole('list', { name: 'Participants (12)' }).waitFor({ timeout: 15_000 });
    expect(await popup.getByRole('region', { name: 'Bulk jobs' }).count()).toBe(1);
  });

  it('removes several after confirmation, and promotes and demotes', async () => {
    await openParticipants('Core Team');
    await popup.getByRole('checkbox', { name: 'Select Citra (+6282222222222)' }).check();
    await popup.getByRole('checkbox', { name: 'Select Dewi (+6283333333333)' }).check();
    await popup.getByRole('button', { name: 'Remove' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Remove 2 from “Core Team”?' });
    expect(await dialog.innerText()).toMatch(/Citra \(\+6282222222222\)[\s\S]*Dewi \(\+6283333333333\)/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(phones(core)).toEqual([ME, '6281111111111', '6282222222222', '6283333333333']);

    await popup.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await notice('Removed 2 of 2 from “Core Team”. The server said: “Participants removed”.');
    expect(phones(core)).toEqual([ME, '6281111111111']);
    await popup.getByRole('list', { name: 'Participants (2)' }).waitFor();

    await popup.getByRole('checkbox', { name: 'Select Budi (+6281111111111)' }).check();
    await popup.getByRole('button', { name: 'Demote' }).click();
    await notice('No longer admin: 1 of 1 in “Core Team”. The server said: “Participants demoted”.');
    expect(group(core)?.participants.find((p) => p.phone === '6281111111111')?.role).toBe('member');

    await popup.getByRole('checkbox', { name: 'Select Budi (+6281111111111)' }).check();
    await popup.getByRole('button', { name: 'Promote to admin' }).click();
    await notice('Made admin: 1 of 1 in “Core Team”. The server said: “Participants promoted”.');
    expect(group(core)?.participants.find((p) => p.phone === '6281111111111')?.role).toBe('admin');
  });
});

describe('join requests', () => {
  it('are named from the contacts when known, with how many are pending, on the panel and in the list', async () => {
    main.contacts.set('6284444444444', { phone: '6284444444444', name: 'Eko Prasetyo' });
    await openGroup('Core Team');
    await popup.getByRole('button', { name: 'Join requests (3 pending)' }).click();
    const list = popup.getByRole('list', { name: 'Join requests (3)' });
    await list.getByRole('listitem', { name: 'Eko Prasetyo (+6284444444444)' }).waitFor();
    expect(await list.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))).toEqual(['Eko Prasetyo (+6284444444444)', '+6285555555555', '+6286666666666']);
    await popup.getByText('3 pending · 0 selected').waitFor();
    await list.getByRole('button', { name: 'Approve Eko Prasetyo (+6284444444444)' }).click();
    await notice('Approved 1 of 1 join request for “Core Team”.');
    expect(phones(core)).toContain('6284444444444');
    // Back at the top of the list, and the panel counts what is left.
    const back = popup.getByRole('button', { name: 'Back to group' });
    expect((await back.boundingBox())!.y).toBeLessThan((await popup.getByRole('heading', { name: 'Join requests of “Core Team”' }).boundingBox())!.y);
    await back.click();
    await popup.getByRole('button', { name: 'Join requests (2 pending)' }).waitFor();
  });

  it('approves or rejects one, several, or all', async () => {
    await openRequests('Core Team');
    const list = popup.getByRole('list', { name: 'Join requests (3)' });
    await list.getByRole('button', { name: 'Approve +6284444444444' }).click();
    await notice('Approved 1 of 1 join request for “Core Team”. The server said: “Join requests approved”.');
    expect(phones(core)).toContain('6284444444444');

    await popup.getByRole('list', { name: 'Join requests (2)' }).getByRole('button', { name: 'Reject +6285555555555' }).click();
    await notice('Rejected 1 of 1 join request for “Core Team”. The server said: “Join requests rejected”.');
    expect(group(core)?.joinRequests.map((r) => r.phone)).toEqual(['6286666666666']);
    expect(phones(core)).not.toContain('6285555555555');

    group(core)?.joinRequests.push({ phone: '6287070707070', requestMethod: 'invite_link', requestTime: 1_700_000_000 }, { phone: '6287171717171', requestMethod: 'invite_link', requestTime: 1_700_000_000 });
    await popup.getByRole('button', { name: 'Refresh requests' }).click();
    const three = popup.getByRole('list', { name: 'Join requests (3)' });
    await three.getByRole('checkbox', { name: 'Select +6286666666666' }).check();
    await three.getByRole('checkbox', { name: 'Select +6287070707070' }).check();
    await popup.getByRole('button', { name: 'Approve selected' }).click();
    await notice('Approved 2 of 2 join requests for “Core Team”.');
    expect(phones(core)).toEqual(expect.arrayContaining(['6286666666666', '6287070707070']));

    await popup.getByRole('list', { name: 'Join requests (1)' }).waitFor();
    await popup.getByRole('button', { name: 'Reject all' }).click();
    await notice('Rejected 1 of 1 join request for “Core Team”.');
    expect(group(core)?.joinRequests).toEqual([]);
    expect(phones(core)).not.toContain('6287171717171');
    await popup.getByText('No one is waiting to join.').waitFor();
  });

  it('approves many at once as a background job', async () => {
    const waiting = Array.from({ length: 7 }, (_, i) => `62819000${String(1000 + i)}`);
    group(core)?.joinRequests.push(...waiting.map((phone) => ({ phone, requestMethod: 'invite_link', requestTime: 1_700_000_000 })));
    await openRequests('Core Team');
    await popup.getByRole('list', { name: 'Join requests (10)' }).waitFor();
    await popup.getByRole('button', { name: 'Approve all' }).click();
    await notice(/Approving 10 join requests of “Core Team” in the background/);
    await expect.poll(() => group(core)?.joinRequests.length, { timeout: 30_000 }).toBe(0);
    expect(phones(core)).toEqual(expect.arrayContaining([...waiting, '6284444444444', '6285555555555', '6286666666666']));
    await popup.getByText('No one is waiting to join.').waitFor({ timeout: 15_000 });
  });
});

describe('creating and joining', () => {
  it('creates a group with pasted participants and opens it', async () => {
    await openGroups();
    await popup.getByRole('button', { name: 'Create group' }).click();
    const form = popup.getByRole('form', { name: 'Create group' });
    await form.getByRole('button', { name: 'Create group' }).click();
    await expect.poll(() => form.innerText()).toContain('Enter a name for the group.');
    await form.getByLabel('Group name').fill('Launch Crew');
    await form.getByLabel('Participants (optional)').fill('+62 812-1000-2000, 6281210002001; 12345');
    await expect.poll(() => form.innerText()).toContain('2 valid numbers.');
    expect(await form.innerText()).toContain('“12345”');
    await form.getByRole('button', { name: 'Create group' }).click();
    await notice('Created “Launch Crew” with 2 participants invited. The server said: “Group created”.');
    const created = [...server.state.groups.values()].find((g) => g.subject === 'Launch Crew');
    expect(created?.participants.map((p) => p.phone)).toEqual([ME, '6281210002000', '6281210002001']);
    await popup.getByRole('heading', { name: 'Launch Crew' }).waitFor();
  });

  it('joins by link only after showing the preview', async () => {
    await openGroups();
    await popup.getByRole('button', { name: 'Join by link' }).click();
    const form = popup.getByRole('form', { name: 'Join by link' });
    await form.getByLabel('Invite link or code').fill('https://wa.me/6281234567890');
    await expect.poll(() => form.innerText()).toContain('not a group invite link');
    expect(await form.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Join' }).count()).toBe(0);

    await form.getByLabel('Invite link or code').fill(`Join us: chat.whatsapp.com/${OTHER_INVITE}`);
    await expect.poll(() => form.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(false);
    expect(await form.getByRole('button', { name: 'Join' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = popup.getByRole('region', { name: 'Invite preview' });
    await preview.waitFor();
    expect(await preview.getByRole('definition').allInnerTexts()).toEqual(['Book Club', '2 participants', 'not given by the server', 'One book a month']);
    expect(phones(outside)).not.toContain(ME);

    await form.getByRole('button', { name: 'Join' }).click();
    await notice('Joined “Book Club”. The server said: “Joined group via link”.');
    expect(phones(outside)).toContain(ME);
    await popup.getByRole('heading', { name: 'Book Club' }).waitFor();
  });

  it('says when a join waits for approval, and when a link was reset', async () => {
    const gated = server.addGroup('alice', 'main', { subject: 'Gated', myRole: 'none', joinApprovalMode: true, inviteCode: 'GatedGatedGatedGated12', participants: [{ phone: '6281313131313', role: 'superadmin' }] });
    await openGroups();
    await popup.getByRole('button', { name: 'Join by link' }).click();
    const form = popup.getByRole('form', { name: 'Join by link' });
    await form.getByLabel('Invite link or code').fill('GatedGatedGatedGated12');
    await form.getByRole('button', { name: 'Preview' }).click();
    await form.getByRole('button', { name: 'Join' }).click();
    await notice('Asked to join “Gated”: an admin of the group has to approve the request.');
    expect(group(gated)?.joinRequests.map((r) => r.phone)).toEqual([ME]);

    await form.getByLabel('Invite link or code').fill('https://chat.whatsapp.com/ResetResetResetReset12');
    await form.getByRole('button', { name: 'Preview' }).click();
    await alert('This invite link does not work any more: it may have been reset, or it was mistyped. Ask for a new link. The server said: “Invite link is invalid or has been revoked”.');
    expect(await form.getByRole('button', { name: 'Join' }).count()).toBe(0);
  });
});
