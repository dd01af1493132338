/**
 * A file chosen in a page, in a form that survives extension messaging (which carries JSON, not
 * Blobs). The background turns it back into a Blob for multipart uploads, or into a data URL
 * where the server takes files inside JSON.
 */
export interface FilePayload {
  kind: 'file';
  name: string;
  type: string;
  /** The file's bytes, base64-encoded. */
  base64: string;
}

/**
 * The most file data one call may carry: picked files travel to the background as base64 inside
 * one extension message, which Chrome caps at 64 MiB (the composer's MAX_UPLOAD_MB is the same 40).
 */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** The length of the base64 text of MAX_FILE_BYTES. */
export const MAX_FILE_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4;
/** Longest file name and MIME type a payload may carry. */
export const MAX_FILE_NAME_LENGTH = 255;

const BASE64_WHITESPACE = /[\t\n\f\r ]+/g;

/**
 * Whether text is base64 that atob decodes (the forgiving form: ASCII whitespace ignored,
 * padding optional), so a payload is refused before sending rather than failing inside.
 */
export function isValidBase64(text: string): boolean {
  const clean = /[\t\n\f\r ]/.test(text) ? text.replace(BASE64_WHITESPACE, '') : text;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return false;
  if (clean.includes('=')) return clean.length % 4 === 0;
  return clean.length % 4 !== 1;
}

/** How many bytes base64 text decodes to (whitespace and padding not counted). */
export function base64ByteLength(text: string): number {
  const clean = text.replace(BASE64_WHITESPACE, '').replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

export function isFilePayload(value: unknown): value is FilePayload {
  const v = value as Partial<FilePayload> | null;
  return !!v && typeof v === 'object' && v.kind === 'file' && typeof v.name === 'string' && typeof v.type === 'string' && typeof v.base64 === 'string';
}

export function filePayloadToDataUrl(file: FilePayload): string {
  return `data:${file.type || 'application/octet-stream'};base64,${file.base64}`;
}

export function filePayloadToBlob(file: FilePayload): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.type || 'application/octet-stream' });
}

/** Reads a File (from an <input type=file>) into a payload. */
export async function filePayloadFromBlob(blob: Blob, name: string): Promise<FilePayload> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { kind: 'file', name, type: blob.type, base64: btoa(binary) };
}
