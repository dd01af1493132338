import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A server that misbehaves the same way on every API request but `ping` (which answers as a
 * stock WARest server does, unless the fault is about the whole server): what a person meets
 * behind a broken proxy, a wrong port, a server in trouble. The e2e fault matrix points the
 * extension at one per case and reads the words the popup and the connection test show.
 */

export type Fault =
  | { kind: 'answer'; status: number; body?: string | Buffer; contentType?: string; headers?: Record<string, string>; everywhere?: boolean }
  | { kind: 'hang' }
  | { kind: 'redirect-to-login' };

export interface FaultServer {
  url: string;
  /** Requests seen, as "METHOD /path". */
  requests: string[];
  stop(): Promise<void>;
}

const json = (value: unknown) => JSON.stringify(value);
const PING = json({ status: true, code: 1000, message: 'pong', results: [{ pong: true }] });

export async function startFaultServer(fault: Fault): Promise<FaultServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${request.method} ${path}`);
    request.resume();
    if (path === '/login') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Sign in</title><form><input name="user"><input type="password"></form>');
      return;
    }
    const everywhere = fault.kind === 'hang' || (fault.kind === 'answer' && fault.everywhere);
    if (path.endsWith('/server/ping') && !everywhere) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(PING);
      return;
    }
    if (fault.kind === 'hang') {
      hanging.add(response);
      return;
    }
    if (fault.kind === 'redirect-to-login') {
      response.writeHead(302, { location: '/login' }).end();
      return;
    }
    const body = fault.body ?? '';
    response.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json', 'content-length': String(Buffer.byteLength(body)), ...fault.headers });
    response.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on this machine where nothing listens (taken, then let go). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export const bodies = {
  json,
  envelopeError: (status: number, code: number, message: string) => json({ status: false, code, message, results: null }),
  html502: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
  truncated: '{"status":true,"code":1000,"message":"OK","results":[{"items":[{"id":"main","sta',
  sessionList: json({ status: true, code: 1000, message: 'OK', results: [{ items: [{ id: 'main', status: 'open' }] }] }),
};
