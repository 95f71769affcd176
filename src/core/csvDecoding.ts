/**
 * A file's bytes as text. UTF-8 is read strictly: a file that is not valid UTF-8 was most likely saved
 * by an older spreadsheet as Windows-1252 (Western European), which maps every byte to a character,
 * so "José" stays "José" instead of becoming "Jos\uFFFD".
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

/**
 * Windows-1252's characters for the bytes 0x80-0x9F (the WHATWG Encoding table); every other byte is
 * the code point of the same number. Decoded here, not by TextDecoder: some runtimes (Node) decode the
 * label 'windows-1252' as Latin-1, which turns € and “ ” into control characters.
 */
const HIGH_CONTROLS = Uint16Array.of(
  0x20ac,
  0x81,
  0x201a,
  0x192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x2c6,
  0x2030,
  0x160,
  0x2039,
  0x152,
  0x8d,
  0x17d,
  0x8f,
  0x90,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x2dc,
  0x2122,
  0x161,
  0x203a,
  0x153,
  0x9d,
  0x17e,
  0x178,
);
/** Code units per String.fromCharCode call: well under any engine's argument limit. */
const CHUNK = 8192;

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    units[i] = byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80]! : byte;
  }
  const parts: string[] = [];
  for (let start = 0; start < units.length; start += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(start, start + CHUNK)));
  }
  return parts.join('');
}

export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): DecodedText {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(view), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(view), encoding: 'windows-1252' };
  }
}

/** What the import says about a file it read as Windows-1252. */
export function fallbackEncodingNotice(what: string): string {
  return (
    `${what} is not UTF-8 text, so it was read as Windows-1252 (Western European); check that ` +
    'accented letters look right, or save the file as UTF-8 and import it again.'
  );
}
