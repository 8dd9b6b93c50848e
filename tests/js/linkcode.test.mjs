// The handover link's data (linkcode.js): a CRC-32 finds every single-bit change of the link's data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DamagedLink, crc32, fromBase64url, openData, sealData, toBase64url } from "../../overrides/assets/javascripts/guidebook/linkcode.js";

const bytes = (text) => new TextEncoder().encode(text);

test("CRC-32 is the standard one (zip, PNG)", () => {
  assert.equal(crc32(bytes("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

test("sealed data opens to the same bytes", () => {
  for (const length of [1, 2, 3, 4, 5, 100, 1001]) {
    const data = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
    assert.deepEqual(openData(sealData(data)), data);
  }
});

/** The text with bit `bit` of character `index` flipped. */
const flipped = (text, index, bit) => text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ (1 << bit)) + text.slice(index + 1);

test("every single-bit change of every character of the data is refused", () => {
  for (const length of [1, 2, 3, 40, 41, 42]) {
    const sealed = sealData(Uint8Array.from({ length }, (_, i) => (i * 91 + 7) % 256));
    for (let index = 0; index < sealed.length; index += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        assert.throws(() => openData(flipped(sealed, index, bit)), DamagedLink, `length ${length}, char ${index}, bit ${bit}`);
      }
    }
  }
});

test("only the canonical base64url is read", () => {
  assert.deepEqual(fromBase64url(toBase64url(bytes("ab"))), bytes("ab"));
  assert.throws(() => fromBase64url("YWJ"), DamagedLink); // "YWI" is "ab"; "YWJ" sets its unused low bits
  assert.throws(() => fromBase64url("YW=="), DamagedLink);
  assert.throws(() => fromBase64url("Y"), DamagedLink);
  assert.throws(() => openData(""), DamagedLink);
});
