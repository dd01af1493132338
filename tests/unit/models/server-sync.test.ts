import { describe, expect, it } from 'vitest';
import { MAX_SYNCED_SERVERS, pullChanges, pushChanges, readSynced, syncKey, type SyncedServer } from '@/lib/server-sync';
import type { ServerProfile } from '@/lib/storage';

const profile = (id: string, name: string, baseUrl: string): ServerProfile => ({ id, name, baseUrl, notifications: true, createdAt: 1 });
const OFFICE = profile('p1', 'Office', 'https://warest.example.com');
const HOME = profile('p2', 'Home', 'http://192.168.1.10:4001');
const remoteOf = (...servers: SyncedServer[]) => new Map(servers.map((s) => [s.baseUrl, s]));

describe('what sync carries', () => {
  it('holds names and addresses only: a profile’s id, notifications and key never go', () => {
    const writes = pushChanges(null, [OFFICE], new Map(), 5);
    expect(writes).toEqual({ [syncKey(OFFICE.baseUrl)]: { name: 'Office', baseUrl: OFFICE.baseUrl, at: 5 } });
  });

  it('reads sync’s items as untrusted: bad addresses, wrong shapes and mismatched keys are passed over', () => {
    const read = readSynced({
      [syncKey(OFFICE.baseUrl)]: { name: ' Office ', baseUrl: OFFICE.baseUrl, at: 1 },
      [syncKey('javascript:alert(1)')]: { name: 'Evil', baseUrl: 'javascript:alert(1)', at: 1 },
      [syncKey('https://other.example.com')]: { name: 'Elsewhere', baseUrl: 'https://warest.example.com', at: 1 },
      'server:x': 'text',
      unrelated: { name: 'x', baseUrl: 'https://x.example.com', at: 1 },
      [syncKey(HOME.baseUrl)]: { name: 'Home', baseUrl: HOME.baseUrl, at: 2, removed: true },
    });
    expect([...read.values()]).toEqual([
      { name: 'Office', baseUrl: OFFICE.baseUrl, at: 1 },
      { name: 'Home', baseUrl: HOME.baseUrl, at: 2, removed: true },
    ]);
  });
});

describe('pushing changes made here', () => {
  it('writes a server added or renamed here, and marks one removed here', () => {
    const remote = remoteOf({ name: 'Office', baseUrl: OFFICE.baseUrl, at: 1 }, { name: 'Home', baseUrl: HOME.baseUrl, at: 1 });
    const renamed = { ...OFFICE, name: 'Head office' };
    expect(pushChanges([OFFICE, HOME], [renamed], remote, 9)).toEqual({
      [syncKey(OFFICE.baseUrl)]: { name: 'Head office', baseUrl: OFFICE.baseUrl, at: 9 },
      [syncKey(HOME.baseUrl)]: { name: 'Home', baseUrl: HOME.baseUrl, at: 9, removed: true },
    });
  });

  it('writes nothing when sync already says the same (a pull coming back here does not echo)', () => {
    const remote = remoteOf({ name: 'Office', baseUrl: OFFICE.baseUrl, at: 1 });
    expect(pushChanges([], [OFFICE], remote, 9)).toEqual({});
  });

  it('on start does not bring back a server another browser removed, nor undo its rename', () => {
    const remote = remoteOf({ name: 'Office', baseUrl: OFFICE.baseUrl, at: 1, removed: true }, { name: 'Sweet home', baseUrl: HOME.baseUrl, at: 1 });
    expect(pushChanges(null, [OFFICE, HOME], remote, 9)).toEqual({});
  });

  it('stops adding new servers at the cap', () => {
    const remote = new Map(Array.from({ length: MAX_SYNCED_SERVERS }, (_, i) => [`https://s${i}.example.com`, { name: `S${i}`, baseUrl: `https://s${i}.example.com`, at: 1 }]));
    expect(pushChanges([], [OFFICE], remote, 9)).toEqual({});
  });
});

describe('pulling what sync has', () => {
  it('adds servers this browser lacks (oldest first), never a removed one, never one already here', () => {
    const remote = remoteOf(
      { name: 'Later', baseUrl: 'https://later.example.com', at: 3 },
      { name: 'Office (elsewhere)', baseUrl: OFFICE.baseUrl, at: 1 },
      { name: 'Gone', baseUrl: 'https://gone.example.com', at: 1, removed: true },
      { name: 'Earlier', baseUrl: 'https://earlier.example.com', at: 2 },
    );
    expect(pullChanges(remote, [OFFICE])).toEqual([
      { name: 'Earlier', baseUrl: 'https://earlier.example.com' },
      { name: 'Later', baseUrl: 'https://later.example.com' },
    ]);
    expect(pullChanges(remote, [OFFICE], 2)).toEqual([{ name: 'Earlier', baseUrl: 'https://earlier.example.com' }]);
  });
});
