/**
 * Misc - general helpers: string → QR, identifiers (UUID v1/v3/v4/v5/nil, ULID), hashes, HMACs
 * and base64. Real computations with node:crypto and the qrcode package, so answers are checkable.
 * WhatsApp-specific helpers are in misc-whatsapp.ts.
 */
import { createHash, createHmac, getHashes, randomBytes, randomUUID } from 'node:crypto';
import { toBuffer, toDataURL, toString as toQrString } from 'qrcode';
import { type HandlerContext, type HandlerMap, num, str } from '../context';
import { ApiError, ok } from '../envelope';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 4122 name-based UUID (v3: MD5, v5: SHA-1). */
function nameUuid(version: 3 | 5, namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash(version === 3 ? 'md5' : 'sha1').update(Buffer.concat([namespaceBytes, Buffer.from(name, 'utf8')])).digest().subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | (version << 4);
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(hash);
}

/** RFC 4122 time-based UUID with a random node and clock sequence. */
function timeUuid(sequence: number): string {
  const ticks = BigInt(Date.now()) * 10000n + 0x01b21dd213814000n + BigInt(sequence);
  const bytes = Buffer.alloc(16);
  bytes.writeUInt32BE(Number(ticks & 0xffffffffn), 0);
  bytes.writeUInt16BE(Number((ticks >> 32n) & 0xffffn), 4);
  bytes.writeUInt16BE(Number((ticks >> 48n) & 0x0fffn) | 0x1000, 6);
  randomBytes(8).copy(bytes, 8);
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  bytes[10] = (bytes[10] ?? 0) | 0x01; // multicast bit: a random node ID, not a MAC address
  return formatUuid(bytes);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function ulid(): string {
  let time = Date.now();
  let timePart = '';
  for (let i = 0; i < 10; i += 1) {
    timePart = (CROCKFORD[time % 32] ?? '0') + timePart;
    time = Math.floor(time / 32);
  }
  const random = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
  return timePart + random;
}

/** Applies an output mask such as xxxx-xxxx: each x takes the next character of the identifier. */
function applyMask(id: string, mask: string | undefined): string {
  if (!mask) return id;
  const characters = id.replace(/-/g, '');
  let index = 0;
  return mask.replace(/[xX]/g, () => characters[index++ % characters.length] ?? '0');
}

function generateOne(ctx: HandlerContext, sequence: number): string {
  if ((str(ctx.body, 'type') ?? 'uuid') === 'ulid') return ulid();
  const version = str(ctx.body, 'version') ?? 'v4';
  if (version === 'nil') return NIL_UUID;
  if (version === 'v1') return timeUuid(sequence);
  if (version === 'v3' || version === 'v5') {
    const namespaceInput = str(ctx.body, 'namespace');
    const name = str(ctx.body, 'name');
    if (!namespaceInput) throw new ApiError(2001, `namespace is required for ${version}`);
    if (name === undefined) throw new ApiError(2001, `name is required for ${version}`);
    const namespace = NAMESPACES[namespaceInput.toLowerCase()] ?? namespaceInput;
    if (!UUID_PATTERN.test(namespace)) throw new ApiError(2002, 'namespace must be a UUID or one of dns, url, oid, x500');
    return nameUuid(version === 'v3' ? 3 : 5, namespace, name);
  }
  return randomUUID();
}

function digestAlgorithm(ctx: HandlerContext): string {
  const algo = (str(ctx.body, 'algo') ?? 'sha256').toLowerCase();
  if (!getHashes().includes(algo)) throw new ApiError(2002, `algo must be a supported hash algorithm (e.g. sha256, sha512, md5), got ${algo}`);
  return algo;
}

const QR_TARGETS: Record<string, string> = { base64: 'image/png', png: 'image/png', svg: 'image/svg+xml', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

export const miscHandlers: HandlerMap = {
  async postMiscConvertStringTarget(ctx) {
    const target = (ctx.params.target ?? '').toLowerCase();
    const mimeType = QR_TARGETS[target];
    if (!mimeType) throw new ApiError(2002, `target must be one of: ${Object.keys(QR_TARGETS).join(', ')}`);
    const encoding = (str(ctx.body, 'encoding') ?? 'utf8').toLowerCase();
    if (!['utf8', 'utf-8', 'base64', 'hex', 'latin1', 'ascii'].includes(encoding)) throw new ApiError(2002, 'encoding must be utf8, base64, hex, latin1 or ascii');
    const text = Buffer.from(str(ctx.body, 'string') ?? '', encoding === 'utf-8' ? 'utf8' : (encoding as BufferEncoding)).toString('utf8');
    if (!text) throw new ApiError(2002, 'string must not be empty');
    if (target === 'base64') {
      return ok('String converted to QR-friendly PNG (base64 data URI)', [{ data: await toDataURL(text), meta: { mode: 'dataurl', mimeType, format: 'png' } }]);
    }
    // Without an image library the raster targets are PNG bytes under the requested name; browsers sniff them fine.
    const bytes = target === 'svg' ? Buffer.from(await toQrString(text, { type: 'svg' }), 'utf8') : await toBuffer(text);
    const hosted = ctx.world.host(bytes, mimeType, target);
    const expiresAt = new Date(Date.now() + 5 * 60_000).toISOString();
    return ok(`String converted to QR-friendly ${target.toUpperCase()} format`, [{
      data: hosted.url,
      meta: { mode: 'url', mimeType, size: bytes.length, key: hosted.key, url: hosted.url, temporary: true, expiresAt },
    }]);
  },

  postMiscUuidGenerate(ctx) {
    const count = num(ctx.body, 'count') ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 1000) throw new ApiError(2002, 'count must be between 1 and 1000');
    const mask = str(ctx.body, 'format');
    const data = Array.from({ length: count }, (_, index) => applyMask(generateOne(ctx, index), mask));
    return ok('Identifiers generated', [{ data }]);
  },

  postMiscUuidValidate(ctx) {
    const value = (str(ctx.body, 'value') ?? '').trim();
    const wanted = str(ctx.body, 'type');
    let data: { isValid: boolean; type: string; version?: string };
    if (wanted !== 'ulid' && UUID_PATTERN.test(value)) {
      data = { isValid: true, type: 'uuid', version: value === NIL_UUID ? 'nil' : `v${value[14] ?? '?'}` };
    } else if (wanted !== 'uuid' && ULID_PATTERN.test(value)) {
      data = { isValid: true, type: 'ulid' };
    } else {
      data = { isValid: false, type: wanted ?? 'unknown' };
    }
    return ok('Validation complete', [{ data }]);
  },

  postMiscCryptoHash(ctx) {
    const output = str(ctx.body, 'output') === 'base64' ? 'base64' : 'hex';
    return ok('Hash generated', [{ data: createHash(digestAlgorithm(ctx)).update(str(ctx.body, 'input') ?? '', 'utf8').digest(output) }]);
  },

  postMiscCryptoHmac(ctx) {
    const output = str(ctx.body, 'output') === 'base64' ? 'base64' : 'hex';
    const hmac = createHmac(digestAlgorithm(ctx), str(ctx.body, 'key') ?? '');
    return ok('HMAC generated', [{ data: hmac.update(str(ctx.body, 'input') ?? '', 'utf8').digest(output) }]);
  },

  postMiscBase64(ctx) {
    const action = str(ctx.body, 'action') ?? 'encode';
    const input = str(ctx.body, 'input') ?? '';
    const output = str(ctx.body, 'output') ?? 'string';
    let bytes: Buffer;
    if (action === 'decode') {
      const payload = input.replace(/^data:[^,]*;base64,/, '').replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload) || payload.length % 4 === 1) throw new ApiError(2002, 'input is not valid base64');
      bytes = Buffer.from(payload, 'base64');
    } else {
      bytes = Buffer.from(input, 'utf8');
    }
    const asText = action === 'decode' ? bytes.toString('utf8') : bytes.toString('base64');
    if (output === 'url' || output === 'file') {
      const hosted = ctx.world.host(action === 'decode' ? bytes : Buffer.from(asText, 'utf8'), action === 'decode' ? 'application/octet-stream' : 'text/plain', action === 'decode' ? 'bin' : 'txt');
      return ok(action === 'decode' ? 'Decoded from base64' : 'Encoded to base64', [{ data: hosted.url, meta: { mode: 'url', key: hosted.key, size: bytes.length } }]);
    }
    const data = output === 'base64' && action === 'decode' ? bytes.toString('base64') : asText;
    return ok(action === 'decode' ? 'Decoded from base64' : 'Encoded to base64', [{ data }]);
  },
};
