/** Offsets to 1-based line and column, for the command line (the editor uses `positionAt`). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.starts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

/**
 * Where the code of a line ends: before a trailing `#` or `//` comment (outside quotes) and the
 * spaces before it, else the line's end. Lines that are only a comment keep their end.
 */
export function codeEnd(text: string): number {
  let quote: string | undefined;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === '\\' && quote === '"') at++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    const comment = char === '#' || (char === '/' && text[at + 1] === '/');
    if (comment && at > 0 && /\s/.test(text[at - 1]!)) {
      const code = text.slice(0, at).trimEnd();
      return code.trim() ? code.length : text.length;
    }
  }
  return text.length;
}
