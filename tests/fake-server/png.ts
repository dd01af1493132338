/**
 * A minimal PNG writer for the images the fake server hands out (avatars, thumbnails, processed
 * images): real, decodable PNGs without an image library.
 */
import { deflateSync } from 'node:zlib';
import { create as createQr } from 'qrcode';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export type Rgb = readonly [number, number, number];

/** A width×height RGB PNG; `shade(x, y)` picks each pixel's colour. */
export function encodePng(width: number, height: number, shade: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = shade(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A soft two-tone avatar-like image whose colours derive from a seed string. */
export function placeholderPng(seed: string, width = 96, height = 96): Buffer {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const base: Rgb = [64 + (hash & 0x7f), 64 + ((hash >>> 8) & 0x7f), 64 + ((hash >>> 16) & 0x7f)];
  const light: Rgb = [Math.min(255, base[0] + 80), Math.min(255, base[1] + 80), Math.min(255, base[2] + 80)];
  const radius = Math.min(width, height) / 3;
  return encodePng(width, height, (x, y) => ((x - width / 2) ** 2 + (y - height / 2.4) ** 2 < radius ** 2 ? light : base));
}

export function dataUrl(mimeType: string, bytes: Uint8Array): string {
  return `data:${mimeType};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** Width and height of a PNG, or null when the bytes are not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 24 || buffer.readUInt32BE(0) !== 0x89504e47 || buffer.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** A data URI → its media type and bytes, or null when the string is not a base64 data URI. */
export function parseDataUri(value: string): { mimeType: string; bytes: Buffer } | null {
  const match = /^data:([^;,]+)?(?:;[^;,]*)*;base64,(.*)$/s.exec(value.trim());
  if (!match) return null;
  return { mimeType: match[1] ?? 'application/octet-stream', bytes: Buffer.from(match[2] ?? '', 'base64') };
}

/** A scannable QR code for `text` as PNG bytes, drawn from the qrcode package's module matrix. */
export function qrPng(text: string, scale = 6, margin = 2): Buffer {
  const { modules } = createQr(text, { errorCorrectionLevel: 'L' });
  const size = (modules.size + margin * 2) * scale;
  const dark: Rgb = [0, 0, 0];
  const light: Rgb = [255, 255, 255];
  return encodePng(size, size, (x, y) => {
    const column = Math.floor(x / scale) - margin;
    const row = Math.floor(y / scale) - margin;
    const inside = column >= 0 && row >= 0 && column < modules.size && row < modules.size;
    return inside && modules.data[row * modules.size + column] ? dark : light;
  });
}
