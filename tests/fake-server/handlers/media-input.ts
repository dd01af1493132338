/**
 * Reading a media argument the way the send routes accept it: a JSON string (URL, data URI or bare
 * base64), a multipart file part, or raw application/octet-stream bytes. Uploaded bytes are hosted
 * by the fake so chat history can link to them.
 */
import type { HandlerContext } from '../context';
import { ApiError } from '../envelope';
import { parseDataUri } from '../png';
import type { MediaInfo } from '../state';

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', bmp: 'image/bmp', heic: 'image/heic',
  mp4: 'video/mp4', '3gp': 'video/3gpp', mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska', avi: 'video/x-msvideo',
  mp3: 'audio/mpeg', ogg: 'audio/ogg', opus: 'audio/opus', m4a: 'audio/mp4', aac: 'audio/aac', wav: 'audio/wav', flac: 'audio/flac', amr: 'audio/amr',
  pdf: 'application/pdf', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip', '7z': 'application/x-7z-compressed', rar: 'application/vnd.rar', gz: 'application/gzip', tar: 'application/x-tar',
  txt: 'text/plain', csv: 'text/csv', json: 'application/json', xml: 'application/xml', html: 'text/html', md: 'text/markdown',
  epub: 'application/epub+zip', svg: 'image/svg+xml', apk: 'application/vnd.android.package-archive',
  exe: 'application/x-msdownload', msi: 'application/x-msi', bat: 'application/x-bat', cmd: 'application/x-bat', sh: 'application/x-sh',
  com: 'application/x-msdownload', scr: 'application/x-msdownload', ps1: 'text/plain', vbs: 'text/vbscript',
};

/** Executables and scripts the stock server refuses whatever the MIME allow-list says. */
const BLOCKED_EXTENSIONS = new Set(['exe', 'msi', 'bat', 'cmd', 'sh', 'com', 'scr', 'ps1', 'vbs']);

const EXTENSION_BY_MIME = Object.fromEntries(Object.entries(MIME_BY_EXTENSION).map(([extension, mime]) => [mime, extension]));

export function extensionOf(fileName: string | null): string {
  const match = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName) : null;
  return match?.[1]?.toLowerCase() ?? '';
}

export function mimeFor(fileName: string | null, fallback: string): string {
  return MIME_BY_EXTENSION[extensionOf(fileName)] ?? fallback;
}

/** The reason a file is refused, or null when it may be sent. */
export function blockReason(fileName: string | null): string | null {
  const extension = extensionOf(fileName);
  return BLOCKED_EXTENSIONS.has(extension) ? `Files with .${extension} extensions are not allowed` : null;
}

function fileNameFromUrl(value: string): string | null {
  try {
    const last = new URL(value).pathname.split('/').pop();
    return last ? decodeURIComponent(last) : null;
  } catch {
    return null;
  }
}

function hostBytes(ctx: HandlerContext, bytes: Uint8Array, mimeType: string, fileName: string | null): string {
  const extension = extensionOf(fileName) || EXTENSION_BY_MIME[mimeType] || 'bin';
  return ctx.world.host(bytes, mimeType, extension).url;
}

/** One media value given as a JSON string → what the fake stores about it. */
export function mediaFromString(ctx: HandlerContext, value: string, fallbackMime: string, fileName: string | null = null): MediaInfo {
  const dataUri = parseDataUri(value);
  if (dataUri) return { url: hostBytes(ctx, dataUri.bytes, dataUri.mimeType, fileName), mimeType: dataUri.mimeType, fileName, fileSize: dataUri.bytes.length };
  if (/^https?:\/\//i.test(value)) {
    const name = fileName ?? fileNameFromUrl(value);
    return { url: value, mimeType: mimeFor(name, fallbackMime), fileName: name, fileSize: null };
  }
  const compact = value.replace(/\s/g, '');
  if (compact.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const bytes = Buffer.from(compact, 'base64');
    const mimeType = mimeFor(fileName, fallbackMime);
    return { url: hostBytes(ctx, bytes, mimeType, fileName), mimeType, fileName, fileSize: bytes.length };
  }
  // A server-side storage path: nothing to read here, keep its name.
  const name = fileName ?? value.split('/').pop() ?? null;
  return { url: null, mimeType: mimeFor(name, fallbackMime), fileName: name, fileSize: null };
}

export async function mediaFromFile(ctx: HandlerContext, file: File, fallbackMime: string): Promise<MediaInfo> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = file.type && file.type !== 'application/octet-stream' ? file.type : mimeFor(file.name, fallbackMime);
  return { url: hostBytes(ctx, bytes, mimeType, file.name), mimeType, fileName: file.name || null, fileSize: file.size };
}

/**
 * The media a send route was given under `field`, from whichever transport the request used;
 * answers 400 code 2001 when there is none.
 */
export async function mediaArgument(ctx: HandlerContext, field: string, fallbackMime: string, fileName: string | null = null): Promise<MediaInfo> {
  const part = ctx.files.get(field)?.[0];
  if (part) return mediaFromFile(ctx, part, fallbackMime);
  if (ctx.rawBody) {
    const name = fileName ?? ctx.query.filename ?? null;
    const mimeType = mimeFor(name, fallbackMime);
    return { url: hostBytes(ctx, ctx.rawBody, mimeType, name), mimeType, fileName: name, fileSize: ctx.rawBody.length };
  }
  const value = ctx.body[field];
  if (typeof value === 'string' && value.length > 0) return mediaFromString(ctx, value, fallbackMime, fileName);
  throw new ApiError(2001, `${field} is required`);
}
