/**
 * Positions named inside a test text with `‸` markers, as yaml-language-server's tests do with
 * `|`: `marked('a: 1\n‸b: 2‸')` gives the text without markers and the offsets they stood at.
 */
export function marked(source: string): { text: string; at: number[] } {
  const at: number[] = [];
  let text = '';
  for (const char of source) {
    if (char === '‸') at.push(text.length);
    else text += char;
  }
  return { text, at };
}
