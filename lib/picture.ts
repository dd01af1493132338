/**
 * Checks for a picture before it is sent as a profile or group picture, shared by both views:
 * WhatsApp takes JPEG or PNG, and a few MB is more than any such picture needs.
 */

export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** Why a picked file cannot be a profile or group picture, or null when it can. */
export function checkPictureFile(file: { name: string; type: string; size: number }): string | null {
  if (!/^image\/(jpeg|png)$/.test(file.type)) return `“${file.name}” is not a JPEG or PNG picture. Choose a .jpg or .png file.`;
  if (file.size > MAX_PICTURE_BYTES) return `“${file.name}” is larger than 5 MB. Choose a smaller picture.`;
  if (file.size === 0) return `“${file.name}” is empty. Choose another picture.`;
  return null;
}

/** Why a typed picture address cannot be used, or null when it can. */
export function checkPictureUrl(value: string): string | null {
  if (!value.trim()) return 'Enter the address of a picture.';
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'Use an http:// or https:// address of an image.';
  } catch {
    return 'Not a valid address. Example: https://example.com/picture.jpg';
  }
}
