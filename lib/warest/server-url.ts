/**
 * Turns whatever a person types as "Server URL" into the base URL the client calls: scheme
 * added when missing, trailing slashes and a pasted `/api/v1…` removed. Any other path is kept,
 * since WARest often sits behind a reverse proxy under a prefix.
 */

import { textsOf } from '../i18n';

const t = textsOf('errors');

export type ServerUrlCheck =
  | { ok: true; baseUrl: string; origin: string; warnings: string[] }
  | { ok: false; reason: string };

const PRIVATE_IPV4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./];
/** Only a whole dotted-quad address is checked against the ranges: "10.example.com" is a public name. */
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Hosts on this machine or the local network, where plain http is normal. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host === '::1' ||
    (IPV4.test(host) && PRIVATE_IPV4.some((range) => range.test(host)))
  );
}

function guessScheme(hostAndRest: string): 'http' | 'https' {
  const hostPort = hostAndRest.split(/[/?#]/, 1)[0] ?? '';
  const port = /:(\d+)$/.exec(hostPort)?.[1];
  const host = port ? hostPort.slice(0, -port.length - 1) : hostPort;
  // A typed port other than 443 is almost always a self-hosted server without TLS (WARest listens on 4001).
  if (isLocalHost(host) || (port !== undefined && port !== '443')) return 'http';
  return 'https';
}

export function normalizeServerUrl(input: string): ServerUrlCheck {
  const typed = input.trim();
  if (!typed) return { ok: false, reason: t('urlEmpty') };
  if (/\s/.test(typed)) return { ok: false, reason: t('urlSpaces') };

  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(typed);
  if (schemeMatch && !/^https?$/i.test(schemeMatch[1] ?? '')) {
    return { ok: false, reason: t('urlScheme') };
  }
  const withScheme = schemeMatch ? typed : `${guessScheme(typed)}://${typed}`;

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: t('urlInvalid') };
  }
  if (!url.hostname) return { ok: false, reason: t('urlNoHost') };
  if (url.username || url.password) {
    return { ok: false, reason: t('urlUserInfo') };
  }
  if (!/^[a-z0-9.\-[\]:]+$/i.test(url.hostname) || url.hostname.startsWith('.') || url.hostname.includes('..')) {
    return { ok: false, reason: t('urlBadHost') };
  }

  // Keep any proxy prefix (even one like /api/warest), drop a pasted API path (/api, /api/v1, /api/v1/session/list…).
  const path = url.pathname.replace(/\/api(\/v\d+(\/.*)?)?\/*$/i, '').replace(/\/+$/, '');
  const baseUrl = `${url.protocol}//${url.host}${path}`;

  const warnings: string[] = [];
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
    warnings.push(t('urlPlainHttp'));
  }
  return { ok: true, baseUrl, origin: `${url.protocol}//${url.host}`, warnings };
}

/**
 * The host-permission match pattern for a server: its scheme, host and port only (a pattern
 * without a port would cover every port of the host, more than the server needs).
 */
export function hostPermissionPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.host}/*`;
}

/** Host and port only, for messages: never the full URL with a possible prefix. */
export function displayHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
