import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../src/core/csvDecoding';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding a file’s bytes', () => {
  it('reads a Windows-1252 "José" as José, and says it fell back', () => {
    const bytes = Uint8Array.of(...utf8('name,weight,height,gender\nJos'), 0xe9, ...utf8(',150,70,M'));
    expect(decodeCsvBytes(bytes)).toEqual({
      text: 'name,weight,height,gender\nJosé,150,70,M',
      encoding: 'windows-1252',
    });
    // The bytes Windows-1252 gives its own letters to (0x80-0x9F), not Latin-1's control characters.
    expect(decodeCsvBytes(Uint8Array.of(0x80, 0x9c, 0xe6)).text).toBe('€œæ');
  });

  it('reads UTF-8 as UTF-8, a byte-order mark dropped', () => {
    expect(decodeCsvBytes(utf8('\uFEFFJosé, 名, 😀'))).toEqual({ text: 'José, 名, 😀', encoding: 'utf-8' });
  });

  it('gives back any well-formed text exactly, and never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const decoded = decodeCsvBytes(utf8(`x${text}`));
        expect(decoded).toEqual({ text: `x${text}`, encoding: 'utf-8' });
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const { text, encoding } = decodeCsvBytes(bytes);
        expect(typeof text).toBe('string');
        expect(['utf-8', 'windows-1252']).toContain(encoding);
      }),
    );
  });
});
