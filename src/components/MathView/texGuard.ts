/**
 * Defence in depth for the one place the lab injects HTML (KaTeX's output). Only lab-generated TeX
 * should ever reach KaTeX; this guard refuses anything with a character outside what our formulas use,
 * anything that looks like an HTML tag, and any command that could load or link something, so a future
 * mistake that passes user text (a person's name) cannot turn into markup.
 */
const SAFE_CHARACTERS = /^[0-9A-Za-z\\{}^_()[\]+\-=., &|×·/':;<>!]*$/;

/** `<img`, `</`, `<!`: markup, never math (our formulas never use `<` at all). */
const TAG_LIKE = /<[A-Za-z/!]/;

/** Commands that reach outside the formula (links, images, raw HTML attributes). */
const UNSAFE_COMMANDS = /\\(?:href|url|includegraphics|html[A-Za-z]*)(?![A-Za-z])/;

export function isSafeTex(tex: string): boolean {
  return SAFE_CHARACTERS.test(tex) && !TAG_LIKE.test(tex) && !UNSAFE_COMMANDS.test(tex);
}
