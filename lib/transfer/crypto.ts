/**
 * Encrypting the API keys of an export with a passphrase, with the Web Crypto API only: PBKDF2
 * (SHA-256, many iterations, a random salt) derives an AES-GCM key; AES-GCM with a random IV
 * both hides the keys and proves them untouched, so a wrong passphrase or a changed byte fails
 * to decrypt instead of yielding garbage.
 */

export interface SealedBox {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  cipher: 'AES-GCM';
  /** base64 */
  salt: string;
  /** base64 */
  iv: string;
  /** base64 of the ciphertext with its tag */
  data: string;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: slow enough to make guessing expensive. */
export const PBKDF2_ITERATIONS = 600_000;
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(plain: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<SealedBox> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain)));
  return { kdf: 'PBKDF2-SHA256', iterations, cipher: 'AES-GCM', salt: toBase64(salt), iv: toBase64(iv), data: toBase64(data) };
}

export type OpenResult = { ok: true; plain: string } | { ok: false; reason: 'wrong-passphrase' | 'damaged' };

/** Whether a value is a sealed box this code can open (its parameters checked, not trusted). */
export function isSealedBox(value: unknown): value is SealedBox {
  if (!value || typeof value !== 'object') return false;
  const box = value as Record<string, unknown>;
  return box.kdf === 'PBKDF2-SHA256' && box.cipher === 'AES-GCM' && typeof box.iterations === 'number' && Number.isInteger(box.iterations)
    && box.iterations >= MIN_ITERATIONS && box.iterations <= MAX_ITERATIONS
    && typeof box.salt === 'string' && typeof box.iv === 'string' && typeof box.data === 'string';
}

export async function open(box: SealedBox, passphrase: string): Promise<OpenResult> {
  let salt: Uint8Array<ArrayBuffer>;
  let iv: Uint8Array<ArrayBuffer>;
  let data: Uint8Array<ArrayBuffer>;
  try {
    salt = fromBase64(box.salt);
    iv = fromBase64(box.iv);
    data = fromBase64(box.data);
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (salt.length < 8 || iv.length !== 12 || data.length < 16) return { ok: false, reason: 'damaged' };
  const key = await deriveKey(passphrase, salt, box.iterations);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data);
    return { ok: true, plain: new TextDecoder().decode(plain) };
  } catch {
    // AES-GCM cannot tell a wrong passphrase from a changed byte: both fail the tag.
    return { ok: false, reason: 'wrong-passphrase' };
  }
}
