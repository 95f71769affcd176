/**
 * Where a neuron's note (an input's name and value) goes so that all of it stays inside the figure: an
 * imported column's name can be far longer than `weight`. The note moves in from the figure's edge,
 * then its type shrinks down to a floor, and only past that is the name shortened in the middle (the
 * full text stays in the neuron's title and accessible description).
 */

/** Monospace: about 0.6em a character; East Asian wide characters and emoji take a full em. */
function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text)
    ems +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(
        char,
      )
        ? 1
        : 0.62;
  return ems * fontSize;
}

/** Kept clear of the figure's edge, room for the note's outline stroke. */
const EDGE_PAD = 4;
/** The smallest the note's type gets before its text is shortened. */
const MIN_SCALE = 0.7;

export interface FittedNote {
  readonly text: string;
  readonly x: number;
  readonly fontSize: number;
}

/** `text` centred as near `centreX` as fits in a figure `figureWidth` wide, at `fontSize` or smaller. */
export function fitNote(text: string, centreX: number, figureWidth: number, fontSize: number): FittedNote {
  const room = Math.max(0, figureWidth - 2 * EDGE_PAD);
  let size = fontSize;
  let shown = text;
  const natural = textWidth(text, fontSize);
  if (natural > room) {
    size = Math.max(fontSize * MIN_SCALE, (fontSize * room) / natural);
    if (textWidth(shown, size) > room) shown = shortened(text, size, room);
  }
  const half = textWidth(shown, size) / 2;
  const x = Math.min(Math.max(centreX, EDGE_PAD + half), figureWidth - EDGE_PAD - half);
  return { text: shown, x, fontSize: size };
}

/** The text cut in the middle (`flipper_le…h_mm 181`) to fit `room` at `fontSize`. */
function shortened(text: string, fontSize: number, room: number): string {
  const chars = Array.from(text);
  let keep = chars.length - 1;
  while (keep > 1) {
    const head = Math.ceil(keep / 2);
    const candidate = `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
    if (textWidth(candidate, fontSize) <= room) return candidate;
    keep -= 1;
  }
  return '…';
}
