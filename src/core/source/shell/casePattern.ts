/**
 * A `case` arm's pattern (`*`, `?`, `[...]`, quoted text literal) matched by the two-pointer
 * wildcard algorithm: on a mismatch it goes back only to the last `*`, so a match takes at most
 * (pattern × subject) steps, never the exponential time of a backtracking regular expression
 * (`*a*a*a…b` as `.*a.*a.*…b` took 40 s on a 130-byte script). Steps are also counted against
 * a budget: past it the answer is unknown, as for a pattern built from an unknown variable.
 */
export const MAX_PATTERN_STEPS = 1_000_000;

type Token =
  { readonly k: 'char'; readonly c: string } | { readonly k: 'any' } | { readonly k: 'star' } | { readonly k: 'class'; readonly test: (c: string) => boolean };

export class CasePattern {
  private readonly tokens: Token[] = [];

  /** Pattern text as written unquoted: `*`, `?` and `[...]` are special. */
  addGlob(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '*') this.tokens.push({ k: 'star' });
      else if (c === '?') this.tokens.push({ k: 'any' });
      else if (c === '[') {
        const end = classEnd(text, i);
        if (end < 0) this.tokens.push({ k: 'char', c });
        else {
          this.tokens.push({ k: 'class', test: classTest(text.slice(i + 1, end)) });
          i = end;
        }
      } else if (c === '\\' && i + 1 < text.length) this.tokens.push({ k: 'char', c: text[++i] });
      else this.tokens.push({ k: 'char', c });
    }
  }

  /** Text that matches only itself (quoted, or a variable's value). */
  addLiteral(text: string): void {
    for (const c of text) this.tokens.push({ k: 'char', c });
  }

  /** Whether the pattern matches all of `subject`; undefined when the step budget ran out. */
  matches(subject: string, budget = { steps: MAX_PATTERN_STEPS }): boolean | undefined {
    const tokens = this.tokens;
    let t = 0;
    let s = 0;
    let starT = -1;
    let starS = 0;
    while (s < subject.length) {
      if (--budget.steps < 0) return undefined;
      const token = tokens[t];
      if (token?.k === 'star') {
        starT = t++;
        starS = s;
      } else if (token && (token.k === 'any' || (token.k === 'char' ? token.c === subject[s] : token.test(subject[s])))) {
        t++;
        s++;
      } else if (starT >= 0) {
        t = starT + 1;
        s = ++starS;
      } else return false;
    }
    while (tokens[t]?.k === 'star') t++;
    return t === tokens.length;
  }
}

/** The index of the `]` closing a class opened at `open`, or -1. */
function classEnd(text: string, open: number): number {
  let i = open + 1;
  if (text[i] === '!' || text[i] === '^') i++;
  if (text[i] === ']') i++;
  const end = text.indexOf(']', i);
  return end;
}

function classTest(body: string): (c: string) => boolean {
  const negated = body[0] === '!' || body[0] === '^';
  const chars = negated ? body.slice(1) : body;
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      ranges.push([chars[i], chars[i + 2]]);
      i += 2;
    } else ranges.push([chars[i], chars[i]]);
  }
  return (c) => ranges.some(([low, high]) => c >= low && c <= high) !== negated;
}
