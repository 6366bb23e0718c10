/**
 * Globs compiled to a Thompson automaton, matched by simulating every state at once: the work
 * to match a path is at most (states × characters), whatever the glob. A backtracking matcher
 * (minimatch's regular expressions) takes exponential time on `*a*a*a…*b`, and expanding braces
 * first turns 100 `{a,b}` into 2^100 globs; here a brace is an alternation inside the automaton,
 * so its size grows with the glob's length, never with the number of expansions.
 *
 * The syntax is minimatch's with `{ dot: true }` (the facts file documents it as such): `*` and
 * `?` stay within a folder, `**` as a whole segment crosses folders (zero or more), `[...]`
 * classes with `!`/`^` negation and ranges, `{a,b}` alternation (nested), `{1..9}` numeric
 * ranges, `\` escapes the next character. Extended globs (`+(a|b)`) are refused, not guessed.
 */

/** A glob's automaton may hold this many states; a longer one is refused at its key. */
export const MAX_GLOB_STATES = 2_000;
/** A numeric brace range may name this many numbers. */
const MAX_RANGE = 1_000;

type CharTest = (char: string) => boolean;

interface CharState {
  readonly kind: 'char';
  readonly test: CharTest;
  next: number;
}
interface SplitState {
  readonly kind: 'split';
  readonly next: number[];
}
interface MatchState {
  readonly kind: 'match';
}
type State = CharState | SplitState | MatchState;

export interface CompiledGlob {
  /** States in the automaton: the work per character matched is at most this. */
  readonly size: number;
  /** Whether the `/`-separated path is one the glob names; `budget.steps` is spent per state visited. */
  matches(path: string, budget?: MatchBudget): boolean;
}

/** Steps left for matching; matching stops (as no match) once they run out and sets `exhausted`. */
export interface MatchBudget {
  steps: number;
  exhausted?: boolean;
}

export type GlobResult = { readonly ok: true; readonly glob: CompiledGlob } | { readonly ok: false; readonly reason: string };

/** A fragment of the automaton under construction: its entry state and the dangling exits to patch. */
interface Fragment {
  readonly start: number;
  readonly exits: Array<(to: number) => void>;
}

class GlobError extends Error {}

export function compileGlob(glob: string): GlobResult {
  try {
    const builder = new Builder(glob);
    return { ok: true, glob: builder.build() };
  } catch (error) {
    if (error instanceof GlobError) return { ok: false, reason: error.message };
    throw error;
  }
}

const notSlash: CharTest = (char) => char !== '/';
const isSlash: CharTest = (char) => char === '/';

class Builder {
  private readonly states: State[] = [];
  private at = 0;

  constructor(private readonly glob: string) {}

  build(): CompiledGlob {
    const body = this.sequence(false);
    if (this.at < this.glob.length) throw new GlobError(`a "${this.glob[this.at]}" at character ${this.at + 1} closes nothing`);
    const match = this.add({ kind: 'match' });
    body.exits.forEach((exit) => exit(match));
    const states = this.states;
    const start = body.start;
    return { size: states.length, matches: (path, budget) => simulate(states, start, path, budget) };
  }

  private add(state: State): number {
    if (this.states.length >= MAX_GLOB_STATES) throw new GlobError(`it would take more than ${MAX_GLOB_STATES.toLocaleString('en-US')} matcher states`);
    this.states.push(state);
    return this.states.length - 1;
  }

  private char(test: CharTest): Fragment {
    const state: CharState = { kind: 'char', test, next: -1 };
    const index = this.add(state);
    return { start: index, exits: [(to) => (state.next = to)] };
  }

  private empty(): Fragment {
    const state: SplitState = { kind: 'split', next: [] };
    return { start: this.add(state), exits: [(to) => state.next.push(to)] };
  }

  private concat(parts: Fragment[]): Fragment {
    if (parts.length === 0) return this.empty();
    for (let i = 1; i < parts.length; i++) parts[i - 1].exits.forEach((exit) => exit(parts[i].start));
    return { start: parts[0].start, exits: parts[parts.length - 1].exits };
  }

  private alternation(options: Fragment[]): Fragment {
    const split: SplitState = { kind: 'split', next: options.map((option) => option.start) };
    return { start: this.add(split), exits: options.flatMap((option) => option.exits) };
  }

  /** `inner` repeated zero or more times. */
  private star(makeInner: () => Fragment): Fragment {
    const split: SplitState = { kind: 'split', next: [] };
    const index = this.add(split);
    const inner = makeInner();
    split.next.push(inner.start);
    inner.exits.forEach((exit) => exit(index));
    return { start: index, exits: [(to) => split.next.push(to)] };
  }

  /** One segment's worth of characters other than `/`, zero or more. */
  private anyInSegment(): Fragment {
    return this.star(() => this.char(notSlash));
  }

  /**
   * A run of the glob up to the end (or, inside braces, to the `,` or `}` that ends an option).
   * `**` standing alone between slashes (or braces' delimiters) crosses folders.
   */
  private sequence(inBraces: boolean): Fragment {
    const parts: Fragment[] = [];
    const glob = this.glob;
    while (this.at < glob.length) {
      const c = glob[this.at];
      if (inBraces && (c === ',' || c === '}')) break;
      if (!inBraces && c === '}') break;
      if ('+@!?*'.includes(c) && glob[this.at + 1] === '(') throw new GlobError(`extended globs such as ${c}(a|b) are not supported`);
      if (c === '*') {
        let end = this.at;
        while (glob[end] === '*') end++;
        const before = this.at === 0 ? '' : glob[this.at - 1];
        const after = end < glob.length ? glob[end] : '';
        const ownSegment = end - this.at === 2 && '/{,'.includes(before) && (after === '' || '/},'.includes(after));
        this.at = end;
        if (!ownSegment) {
          parts.push(this.anyInSegment());
        } else if (after === '/') {
          // `**/`: zero or more whole folders, each with its slash.
          this.at++;
          parts.push(this.star(() => this.concat([this.char(notSlash), this.anyInSegment(), this.char(isSlash)])));
        } else {
          // `**` at the end of the glob (or of an option): anything, across folders.
          parts.push(this.star(() => this.char(() => true)));
        }
        continue;
      }
      if (c === '?') {
        this.at++;
        parts.push(this.char(notSlash));
        continue;
      }
      if (c === '[') {
        const test = this.charClass();
        if (test) {
          parts.push(this.char(test));
          continue;
        }
      }
      if (c === '{') {
        const braces = this.braces();
        if (braces) {
          parts.push(braces);
          continue;
        }
      }
      if (c === '\\' && this.at + 1 < glob.length) this.at++;
      const literal = glob[this.at++];
      parts.push(this.char((char) => char === literal));
    }
    return this.concat(parts);
  }

  /** `{a,b}` or `{1..9}` at `this.at`; undefined (and `{` read as itself) when it is not one, as brace expansion does. */
  private braces(): Fragment | undefined {
    const open = this.at;
    const range = /^\{(-?\d+)\.\.(-?\d+)\}/.exec(this.glob.slice(open, open + 50));
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (Math.abs(to - from) >= MAX_RANGE) throw new GlobError(`the range ${range[0]} names more than ${MAX_RANGE} numbers`);
      this.at += range[0].length;
      const step = from <= to ? 1 : -1;
      const options: Fragment[] = [];
      for (let n = from; n !== to + step; n += step) options.push(this.concat([...String(n)].map((digit) => this.char((char) => char === digit))));
      return this.alternation(options);
    }
    this.at++;
    const options: Fragment[] = [this.sequence(true)];
    while (this.glob[this.at] === ',') {
      this.at++;
      options.push(this.sequence(true));
    }
    if (this.glob[this.at] !== '}' || options.length < 2) {
      // Not an alternation (`{a}` or no closing brace): the `{` is a literal, as in brace expansion.
      this.at = open;
      return this.literalBrace();
    }
    this.at++;
    return this.alternation(options);
  }

  private literalBrace(): Fragment {
    this.at++;
    return this.char((char) => char === '{');
  }

  /** `[...]` at `this.at`; undefined when it is not a closed class (the `[` is then a literal). */
  private charClass(): CharTest | undefined {
    const glob = this.glob;
    let i = this.at + 1;
    const negated = glob[i] === '!' || glob[i] === '^';
    if (negated) i++;
    const ranges: Array<[string, string]> = [];
    let first = true;
    while (i < glob.length && (glob[i] !== ']' || first)) {
      first = false;
      let low = glob[i];
      if (low === '\\' && i + 1 < glob.length) low = glob[++i];
      let high = low;
      if (glob[i + 1] === '-' && i + 2 < glob.length && glob[i + 2] !== ']') {
        high = glob[i + 2] === '\\' && i + 3 < glob.length ? glob[(i += 1) + 2] : glob[i + 2];
        i += 2;
      }
      ranges.push([low, high]);
      i++;
    }
    if (i >= glob.length) return undefined;
    this.at = i + 1;
    return (char) => char !== '/' && ranges.some(([low, high]) => char >= low && char <= high) !== negated;
  }
}

/** Every state the automaton can be in at once, advanced one character at a time. */
function simulate(states: readonly State[], start: number, path: string, budget: MatchBudget = { steps: Infinity }): boolean {
  const seen = new Int32Array(states.length).fill(-1);
  let current: number[] = [];
  let generation = 0;
  const close = (from: number, into: number[]) => {
    const stack = [from];
    while (stack.length > 0) {
      const index = stack.pop()!;
      if (seen[index] === generation) continue;
      seen[index] = generation;
      budget.steps--;
      const state = states[index];
      if (state.kind === 'split') for (let i = state.next.length - 1; i >= 0; i--) stack.push(state.next[i]);
      else into.push(index);
    }
  };
  close(start, current);
  for (const char of path) {
    if (budget.steps <= 0) {
      budget.exhausted = true;
      return false;
    }
    generation++;
    const next: number[] = [];
    for (const index of current) {
      const state = states[index];
      if (state.kind === 'char' && state.test(char)) close(state.next, next);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return current.some((index) => states[index].kind === 'match');
}
