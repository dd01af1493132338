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
