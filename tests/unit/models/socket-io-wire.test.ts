import { describe, expect, it } from 'vitest';
import { connectFrame, eventFrame, readFrame, reconnectDelayMs, socketIoUrl } from '@/lib/socket-io-wire';

describe('socketIoUrl', () => {
  it('turns the origin into a WebSocket address with the Engine.IO query', () => {
    expect(socketIoUrl('http://127.0.0.1:7001', '/socket.io')).toBe('ws://127.0.0.1:7001/socket.io/?EIO=4&transport=websocket');
    expect(socketIoUrl('https://wa.example.com', '/warest/socket.io/')).toBe('wss://wa.example.com/warest/socket.io/?EIO=4&transport=websocket');
  });
});

describe('readFrame', () => {
  it('reads the open packet, with Socket.IO defaults where it says nothing usable', () => {
    expect(readFrame('0{"sid":"a","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}')).toEqual({
      kind: 'open',
      pingInterval: 25_000,
      pingTimeout: 20_000,
    });
    expect(readFrame('0{"pingInterval":-1}')).toEqual({ kind: 'open', pingInterval: 25_000, pingTimeout: 20_000 });
    expect(readFrame('0not json')).toEqual({ kind: 'open', pingInterval: 25_000, pingTimeout: 20_000 });
  });

  it('reads ping, close, connect, disconnect and events (with or without an ack id)', () => {
    expect(readFrame('2')).toEqual({ kind: 'ping' });
    expect(readFrame('1')).toEqual({ kind: 'close' });
    expect(readFrame('40{"sid":"x"}')).toEqual({ kind: 'connect' });
    expect(readFrame('41')).toEqual({ kind: 'disconnect' });
    expect(readFrame('42["welcome",{"role":"user"}]')).toEqual({ kind: 'event', name: 'welcome', args: [{ role: 'user' }] });
    expect(readFrame('4212["qr",{"id":"main"},2]')).toEqual({ kind: 'event', name: 'qr', args: [{ id: 'main' }, 2] });
    expect(readFrame('42["sessions_changed"]')).toEqual({ kind: 'event', name: 'sessions_changed', args: [] });
    expect(readFrame('42/,["ready",{"id":"a"}]')).toEqual({ kind: 'event', name: 'ready', args: [{ id: 'a' }] });
  });

  it("reads a refused handshake's message and data", () => {
    expect(readFrame('44{"message":"unauthorized","data":{"code":1400,"message":"WebSocket unauthorized"}}')).toEqual({
      kind: 'connect-error',
      message: 'unauthorized',
      data: { code: 1400, message: 'WebSocket unauthorized' },
    });
    expect(readFrame('44"plain text"')).toMatchObject({ kind: 'connect-error', message: 'plain text' });
    expect(readFrame('44')).toMatchObject({ kind: 'connect-error', message: 'connect error' });
  });

  it('ignores what live events never use and anything malformed, without throwing', () => {
    for (const text of ['', '3', '6', '5', '43["ack"]', '45-["binary"]', '42/admin,["x"]', '42not json', '42{"a":1}', '42[1,2]', '4', '9x']) {
      expect(readFrame(text), text).toEqual({ kind: 'ignored' });
    }
  });
});

describe('frames the client sends', () => {
  it('connects with its auth and emits events as arrays', () => {
    expect(connectFrame({ apiKey: 'k' })).toBe('40{"apiKey":"k"}');
    expect(eventFrame('join', [{ room: 'main' }])).toBe('42["join",{"room":"main"}]');
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from 1 s up to 5 s, spread by ±50 %', () => {
    expect([0, 1, 2, 3, 9].map((attempt) => reconnectDelayMs(attempt, 0.5))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(reconnectDelayMs(0, 0)).toBe(500);
    expect(reconnectDelayMs(0, 0.999_999)).toBe(1_500);
    expect(reconnectDelayMs(40, 0.999_999)).toBe(5_000);
  });
});
