/**
 * Finds the pictures in an operation's answer (profile pictures, QR codes, thumbnails,
 * processed images) so the explorer can show them inline beside the JSON.
 */

export interface FoundImage {
  /** Where in the answer, e.g. `results[0].picture`. */
  path: string;
  src: string;
}

const IMAGE_KEY = /(picture|image|photo|avatar|thumb|qr|icon)/i;
const IMAGE_URL = /^https?:\/\/\S+\.(png|jpe?g|gif|webp|svg)(\?\S*)?$/i;
/** Bare base64 of PNG, JPEG, GIF and WebP files starts with these. */
const BASE64_SIGNATURES: ReadonlyArray<[string, string]> = [
  ['iVBORw0KGgo', 'image/png'],
  ['/9j/', 'image/jpeg'],
  ['R0lGOD', 'image/gif'],
  ['UklGR', 'image/webp'],
];

function imageSource(key: string, text: string): string | null {
  if (/^data:image\/[a-z0-9.+-]+;base64,/i.test(text)) return text;
  if (IMAGE_URL.test(text)) return text;
  if (/^https?:\/\//i.test(text) && IMAGE_KEY.test(key)) return text;
  if (text.length >= 64 && /^[A-Za-z0-9+/=\s]+$/.test(text)) {
    const match = BASE64_SIGNATURES.find(([start]) => text.startsWith(start));
    if (match) return `data:${match[1]};base64,${text.replace(/\s+/g, '')}`;
  }
  return null;
}

export function findImages(value: unknown, path = '', key = '', found: FoundImage[] = [], limit = 12): FoundImage[] {
  if (found.length >= limit) return found;
  if (typeof value === 'string') {
    const src = imageSource(key, value.trim());
    if (src) found.push({ path: path || '(answer)', src });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findImages(item, `${path}[${index}]`, key, found, limit));
  } else if (value && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) findImages(item, path ? `${path}.${name}` : name, name, found, limit);
  }
  return found;
}
