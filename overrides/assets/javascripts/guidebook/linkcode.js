/* The data of a handover link (handover.js): bytes <-> base64url text, with a CRC-32 of the bytes.
 *
 * A link of this version is "#handover=2.<base64url of the compressed data, then its 4-byte CRC-32>".
 * CRC-32 finds every change of up to 32 bits in a row, so every change of one character of the link's
 * data (6 bits) is caught; and only the canonical base64url of the bytes is accepted, so a change in the
 * unused low bits of the last character is caught too. It is a check against damage (a link cut, retyped
 * or garbled on the way), not a signature: anyone can make a link.
 * A link of the first version ("#handover=1.<base64url of the compressed data>", until December 2026)
 * has no checksum: it is still read, and the reader is told that damage to it may go unseen. */

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 (as in zip and PNG) of bytes, as an unsigned number. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export class DamagedLink extends Error {}

export function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** base64url text -> bytes; anything else (another character, a length no encoding gives, a text that is not
 * the canonical encoding of its bytes) throws DamagedLink. */
export function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new DamagedLink();
  let binary;
  try {
    binary = atob(text.replaceAll("-", "+").replaceAll("_", "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  } catch {
    throw new DamagedLink();
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (toBase64url(bytes) !== text) throw new DamagedLink();
  return bytes;
}

/** Compressed bytes -> the link's data: base64url of the bytes and their CRC-32 (big-endian). */
export function sealData(bytes) {
  const sealed = new Uint8Array(bytes.length + 4);
  sealed.set(bytes);
  new DataView(sealed.buffer).setUint32(bytes.length, crc32(bytes));
  return toBase64url(sealed);
}

/** The link's data -> the compressed bytes, after checking the CRC-32; throws DamagedLink. */
export function openData(text) {
  const sealed = fromBase64url(text);
  if (sealed.length < 5) throw new DamagedLink();
  const bytes = sealed.subarray(0, sealed.length - 4);
  const sum = new DataView(sealed.buffer, sealed.byteOffset).getUint32(bytes.length);
  if (sum !== crc32(bytes)) throw new DamagedLink();
  return bytes;
}
