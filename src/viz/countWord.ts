const WORDS = (
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen ' +
  'sixteen seventeen eighteen nineteen twenty'
).split(' ');

/** A count in running text: words up to twenty (`the other eight parameters`), digits beyond. */
export function countWord(count: number): string {
  return WORDS[count] ?? String(count);
}
