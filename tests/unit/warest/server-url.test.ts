import { describe, expect, it } from 'vitest';
import { displayHost, hostPermissionPattern, isLocalHost, normalizeServerUrl, type ServerUrlCheck } from '@/lib/warest/server-url';

function accepted(input: string): Extract<ServerUrlCheck, { ok: true }> {
  const check = normalizeServerUrl(input);
  if (!check.ok) throw new Error(`expected "${input}" to be accepted, got: ${check.reason}`);
  return check;
}

function rejected(input: string): string {
  const check = normalizeServerUrl(input);
  if (check.ok) throw new Error(`expected "${input}" to be rejected, got ${check.baseUrl}`);
  return check.reason;
}

describe('normalizeServerUrl', () => {
  describe('trailing slashes and surrounding space', () => {
    it.each([
      ['https://warest.example.com/', 'https://warest.example.com'],
      ['https://warest.example.com///', 'https://warest.example.com'],
      ['  https://warest.example.com/  ', 'https://warest.example.com'],
      ['https://h.example/warest/', 'https://h.example/warest'],
    ])('%j → %s', (input, baseUrl) => {
      expect(accepted(input).baseUrl).toBe(baseUrl);
    });
  });

  describe('adds a scheme when none is typed', () => {
    it.each([
      ['localhost', 'http://localhost'],
      ['localhost:4001', 'http://localhost:4001'],
      ['127.0.0.1:4001', 'http://127.0.0.1:4001'],
      ['192.168.1.10:4001', 'http://192.168.1.10:4001'],
      ['10.0.0.5', 'http://10.0.0.5'],
      ['172.20.1.1', 'http://172.20.1.1'],
      ['nas.local', 'http://nas.local'],
      ['nas.local:4001/warest', 'http://nas.local:4001/warest'],
    ])('http for the local host %j', (input, baseUrl) => {
      expect(accepted(input).baseUrl).toBe(baseUrl);
    });

    it('http for a public host with an explicit port other than 443 (a self-hosted server without TLS)', () => {
      expect(accepted('warest.example.com:4001').baseUrl).toBe('http://warest.example.com:4001');
    });

    it.each([
      ['warest.example.com', 'https://warest.example.com'],
      ['warest.example.com:443', 'https://warest.example.com'],
      ['warest.example.com/proxy', 'https://warest.example.com/proxy'],
      ['172.32.0.1', 'https://172.32.0.1'],
      ['8.8.8.8', 'https://8.8.8.8'],
    ])('https for the public host %j', (input, baseUrl) => {
      expect(accepted(input).baseUrl).toBe(baseUrl);
    });

    it('does not take a public domain whose first label is a private-range number for a local address', () => {
      expect(accepted('10.example.com').baseUrl).toBe('https://10.example.com');
      expect(accepted('192.168.example.com').baseUrl).toBe('https://192.168.example.com');
    });
  });

  describe('removes a pasted API path but keeps a proxy prefix', () => {
    it.each([
      ['https://h.example/api/v1', 'https://h.example'],
      ['https://h.example/api/v1/', 'https://h.example'],
      ['https://h.example/api', 'https://h.example'],
      ['https://h.example/API/V1', 'https://h.example'],
      ['https://h.example/api/v1/session/list', 'https://h.example'],
      ['https://h.example/warest/api/v1/session/list?x=1', 'https://h.example/warest'],
      ['https://h.example/warest', 'https://h.example/warest'],
      ['https://h.example/tools/warest/', 'https://h.example/tools/warest'],
      ['https://h.example/myapi', 'https://h.example/myapi'],
      ['https://h.example/apix', 'https://h.example/apix'],
      ['https://h.example/api/warest', 'https://h.example/api/warest'],
      ['https://h.example/api/warest/api/v1', 'https://h.example/api/warest'],
    ])('%j → %s', (input, baseUrl) => {
      expect(accepted(input).baseUrl).toBe(baseUrl);
    });

    it('drops a query string and a fragment', () => {
      expect(accepted('https://h.example/warest?token=1#top').baseUrl).toBe('https://h.example/warest');
    });
  });

  it('lower-cases the scheme and host but keeps the case of the path', () => {
    const check = accepted('HTTPS://WAREST.Example.COM/Warest/');
    expect(check.baseUrl).toBe('https://warest.example.com/Warest');
    expect(check.origin).toBe('https://warest.example.com');
  });

  it('accepts an IPv6 loopback address with a port, as local plain http', () => {
    const check = accepted('[::1]:4001');
    expect(check.baseUrl).toBe('http://[::1]:4001');
    expect(check.origin).toBe('http://[::1]:4001');
    expect(check.warnings).toEqual([]);
  });

  it('gives the origin without the path prefix', () => {
    expect(accepted('https://h.example:8443/warest/api/v1').origin).toBe('https://h.example:8443');
  });

  describe('rejects what cannot be a server address', () => {
    it.each(['https://a..b', 'warest..example.com'])('a host name with an empty label: %j', (input) => {
      expect(rejected(input)).toMatch(/host name/);
    });

    it.each(['', '   ', '\n'])('empty input %j', (input) => {
      expect(rejected(input)).toMatch(/Enter your WARest server's address/);
    });

    it.each(['https://warest example.com', 'warest.example.com /api', 'http://h.example/a\tb'])('spaces in %j', (input) => {
      expect(rejected(input)).toMatch(/cannot contain spaces/);
    });

    it.each(['ftp://warest.example.com', 'ws://warest.example.com', 'chrome-extension://abc/popup.html', 'file:///etc/passwd'])(
      'the non-http scheme of %j',
      (input) => {
        expect(rejected(input)).toMatch(/http:\/\/ or https:\/\//);
      },
    );

    it.each(['https://admin:secret@warest.example.com', 'https://admin@warest.example.com', 'admin:secret@192.168.1.10:4001'])(
      'credentials in %j',
      (input) => {
        expect(rejected(input)).toMatch(/Remove the user name and password/);
      },
    );

    it.each(['http://', 'https://::::', 'https://%zz', 'javascript:alert(1)', 'warest.example.com:99999'])('garbage %j', (input) => {
      expect(rejected(input)).toMatch(/not a valid address/);
    });

    it.each(['exa_mple.com', 'https://.example.com'])('a host name with impossible characters in %j', (input) => {
      expect(rejected(input)).toMatch(/characters a server name cannot have/);
    });
  });

  describe('plain-http warning', () => {
    it('warns for plain http to a public host', () => {
      const check = accepted('http://warest.example.com');
      expect(check.warnings).toHaveLength(1);
      expect(check.warnings[0]).toMatch(/plain http/);
    });

    it('warns when a typed non-443 port made a public host plain http', () => {
      expect(accepted('warest.example.com:4001').warnings).toHaveLength(1);
    });

    it('warns for a public host that merely starts with a private-range number', () => {
      expect(accepted('http://127.evil.example').warnings).toHaveLength(1);
      expect(accepted('http://10.0.0.evil.example').warnings).toHaveLength(1);
    });

    it.each(['http://localhost:4001', 'http://127.0.0.1:4001', 'http://192.168.1.10:4001', 'http://nas.local', 'http://[::1]:4001', 'http://app.localhost'])(
      'does not warn for the local host %j',
      (input) => {
        expect(accepted(input).warnings).toEqual([]);
      },
    );

    it('does not warn for https', () => {
      expect(accepted('https://warest.example.com').warnings).toEqual([]);
    });
  });
});

describe('isLocalHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'app.localhost',
    'printer.local',
    '127.0.0.1',
    '127.1.2.3',
    '10.1.2.3',
    '192.168.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '169.254.10.20',
    '::1',
    '[::1]',
  ])('%j is local', (host) => {
    expect(isLocalHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    'warest.example.com',
    '8.8.8.8',
    '172.15.0.1',
    '172.32.0.1',
    '11.0.0.1',
    'mylocal',
    'local.example.com',
    'localhost.example.com',
    '10.example.com',
    '127.evil.example',
    '192.168.1.10.example.com',
  ])('%j is not local', (host) => {
    expect(isLocalHost(host)).toBe(false);
  });
});

describe('hostPermissionPattern', () => {
  it('covers the server’s scheme, host and port, and every path', () => {
    expect(hostPermissionPattern('http://192.168.1.10:4001/warest')).toBe('http://192.168.1.10:4001/*');
    expect(hostPermissionPattern('https://warest.example.com:443')).toBe('https://warest.example.com/*');
    expect(hostPermissionPattern('https://warest.example.com')).toBe('https://warest.example.com/*');
  });

  it('keeps the brackets of an IPv6 host', () => {
    expect(hostPermissionPattern('http://[::1]:4001')).toBe('http://[::1]:4001/*');
  });
});

describe('displayHost', () => {
  it('shows host and port only, never the path prefix', () => {
    expect(displayHost('https://warest.example.com:8443/secret-prefix')).toBe('warest.example.com:8443');
    expect(displayHost('https://warest.example.com/warest')).toBe('warest.example.com');
  });

  it('returns the text unchanged when it is not a URL', () => {
    expect(displayHost('not a url')).toBe('not a url');
  });
});
