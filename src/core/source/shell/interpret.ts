import { Env, capped, fieldText, knownText, unresolved, type Field, type Piece } from './expand';
import { CasePattern } from './casePattern';
import { lexShell, type Part } from './lexer';
import { parseShell, type Item, type Node, type WordToken } from './parser';

/**
 * Walks a script's commands in order, keeping its variables, and records the commands that run
 * a program matching `isProgram`. Conditions on known values (`[ "$X" = fp8 ]`, `[[ $N -gt 1 ]]`,
 * `case $MODEL in ...`) choose their branch; a condition the file cannot decide runs every branch
 * in order, so later assignments win, as reading the file top to bottom suggests.
 */

export interface Launch {
  /** The command's words after expansion. */
  readonly fields: readonly Field[];
  /** Index of the word naming the program. */
  readonly program: number;
  /** Variables that set how many processes run (`CUDA_VISIBLE_DEVICES`, ms-swift's `NPROC_PER_NODE`, `NNODES`) as the command sees them. */
  readonly environment?: Readonly<Record<string, string>>;
}

/** An array holding more pieces of text than this is no list of flags. */
const MAX_ARRAY_PIECES = 100_000;
/** Commands walked at most; a loop body runs once. */
const MAX_COMMANDS = 50_000;
/** `bash -c '…'` inside `bash -c '…'` is followed this deep. */
const MAX_NESTED_SCRIPTS = 4;
/** Shells whose `-c` string is a script of its own. */
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh']);
/** Launchers that run a command line given as one string, with the options that take it. */
const STRING_LAUNCHERS: Readonly<Record<string, readonly string[]>> = { bcprun: ['-c', '--cmd'] };
/** Variables that fix how many processes a launch starts: the GPUs a process sees, ms-swift's per-node and node counts. */
const WORLD_VARIABLES = ['CUDA_VISIBLE_DEVICES', 'NPROC_PER_NODE', 'NNODES'];
/** Words that end one command of a command line a launcher passes on (`\\&\\&` reaches it as `&&`). */
const PASSED_SEPARATOR = /^(&&|\|\||;|&)$/;

const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
/** Commands that print or test a launch command rather than run it. */
const NOT_RUNNING = new Set([
  'echo',
  'printf',
  'cat',
  'ls',
  'test',
  '[',
  '[[',
  'grep',
  'sed',
  'tee',
  ':',
  'true',
  'false',
  'which',
  'type',
  'cp',
  'mv',
  'rm',
  'mkdir',
  'touch',
]);

export function interpret(nodes: readonly Node[], isProgram: (text: string) => boolean): Launch[] {
  const walker = new Walker(isProgram);
  walker.run(nodes);
  return walker.launches;
}

class Walker {
  readonly env = new Env();
  readonly launches: Launch[] = [];
  private commands = 0;
  private nesting = 0;

  constructor(private readonly isProgram: (text: string) => boolean) {}

  run(nodes: readonly Node[]): void {
    for (const node of nodes) this.exec(node);
  }

  /** Runs a node; returns its status when known (true = success). */
  private exec(node: Node): boolean | undefined {
    if (++this.commands > MAX_COMMANDS) return undefined;
    switch (node.k) {
      case 'simple':
        return this.simple(node.items);
      case 'group':
      case 'loop':
        this.run(node.body);
        return undefined;
      case 'andor': {
        let status = this.exec(node.items[0]);
        for (let i = 1; i < node.items.length; i++) {
          const op = node.ops[i - 1];
          if ((op === '&&' && status === false) || (op === '||' && status === true)) continue;
          const next = this.exec(node.items[i]);
          status = op === '&&' || op === '||' ? (status === undefined ? undefined : next) : next;
        }
        return status;
      }
      case 'if': {
        let decided = true;
        for (const arm of node.arms) {
          const status = this.condition(arm.cond);
          if (status === false) continue;
          this.run(arm.body);
          if (status === true && decided) return undefined;
          decided = false;
        }
        if (node.otherwise) this.run(node.otherwise);
        return undefined;
      }
      case 'case': {
        const subject = node.word ? fieldText(this.env.joined(node.word.parts)) : undefined;
        for (const arm of node.arms) {
          if (subject === undefined) {
            this.run(arm.body);
            continue;
          }
          const patterns = arm.patterns.map((pattern) => this.pattern(pattern.parts));
          const matched = patterns.map((pattern) => pattern?.matches(subject));
          if (matched.some((match) => match === undefined)) {
            this.run(arm.body);
            continue;
          }
          if (matched.some((match) => match === true)) {
            this.run(arm.body);
            return undefined;
          }
        }
        return undefined;
      }
    }
  }

  /** The status of a condition list: that of its last command, when it can be known. */
  private condition(nodes: readonly Node[]): boolean | undefined {
    let status: boolean | undefined;
    for (const node of nodes) status = this.exec(node);
    return status;
  }

  private simple(items: readonly Item[]): boolean | undefined {
    let i = 0;
    const prefix: Item[] = [];
    while (i < items.length && (items[i].t === 'array' || assignmentOf(items[i] as WordToken))) prefix.push(items[i++]);
    if (i === items.length) {
      for (const item of prefix) this.assign(item);
      return true;
    }
    const first = items[i] as WordToken;
    const name = first.raw;
    if (DECLARATIONS.has(name)) {
      for (const item of items.slice(i + 1)) if (item.t === 'array' || assignmentOf(item)) this.assign(item);
      return true;
    }
    if (name === 'unset') {
      for (const item of items.slice(i + 1)) if (item.t === 'word' && !item.raw.startsWith('-')) this.env.vars.delete(item.raw);
      return true;
    }
    if (name === '[' || name === '[[' || name === 'test') return this.test(items.slice(i + 1));
    // Expanded even for `:`, whose `${X:=default}` arguments assign.
    const fields = items.slice(i).flatMap((item) => (item.t === 'word' ? this.env.fields(item.parts) : []));
    if (name === 'true' || name === ':') return true;
    if (name === 'false') return false;
    if (this.runCommandString(items.slice(i))) return undefined;
    this.recordLaunch(fields, this.environment(prefix));
    return undefined;
  }

  /** The string of `bash -c '…'` (options before `-c` skipped). */
  private shellString(words: readonly Item[]): WordToken | undefined {
    const shell = words.findIndex((word) => word.t === 'word' && SHELLS.has(word.raw.replace(/^.*\//, '')));
    if (shell < 0) return undefined;
    let at = shell + 1;
    while (at < words.length && words[at].t === 'word' && /^-[A-Za-z]+$/.test((words[at] as WordToken).raw) && !/c/.test((words[at] as WordToken).raw)) at++;
    const option = words[at];
    const script = words[at + 1];
    return option?.t === 'word' && /^-[A-Za-z]*c[A-Za-z]*$/.test(option.raw) && script?.t === 'word' ? script : undefined;
  }

  /**
   * The string a launcher runs as a command line of its own: NVIDIA Base Command's
   * `bcprun … -c 'python main.py …'` (`--cmd`), as LLM360/k2-train@869fbb97 scripts/pretrain_65b.sh runs K2.
   */
  private launcherString(words: readonly Item[]): WordToken | undefined {
    const first = words[0];
    if (first?.t !== 'word') return undefined;
    const options = STRING_LAUNCHERS[first.raw.replace(/^.*\//, '')];
    if (!options) return undefined;
    const at = words.findIndex((word, index) => index > 0 && word.t === 'word' && options.includes(word.raw));
    const script = at > 0 ? words[at + 1] : undefined;
    return script?.t === 'word' ? script : undefined;
  }

  /**
   * `bash -c '$LAUNCHER $CMD'` and `srun … bash -c '…'`: a string that no expansion touched
   * (single-quoted, or double-quoted without `$`) is a script of its own, read in place with the
   * variables set so far, as the shell that receives it would read it.
   */
  private runCommandString(words: readonly Item[]): boolean {
    if (this.nesting >= MAX_NESTED_SCRIPTS) return false;
    const script = this.shellString(words) ?? this.launcherString(words);
    if (!script) return false;
    const parts = script.parts;
    const literal = parts.length > 0 && parts.every((part) => part.t === 'lit' && part.linear);
    const contiguous = parts.every((part, index) => index === 0 || part.span.start === parts[index - 1].span.end);
    if (!literal || !contiguous) return false;
    const text = parts.map((part) => (part.t === 'lit' ? part.text : '')).join('');
    // Padding to where the string stands keeps every span of the inner script a span of the file.
    this.nesting++;
    this.run(parseShell(lexShell(' '.repeat(parts[0].span.start) + text)));
    this.nesting--;
    return true;
  }

  /** The process-count variables a command sees: assigned in front of it (`NPROC_PER_NODE=8 swift sft …`) or set before. */
  private environment(prefix: readonly Item[]): Record<string, string> | undefined {
    const seen: Record<string, string> = {};
    for (const name of WORLD_VARIABLES) {
      const value = this.env.vars.get(name);
      const text = value?.kind === 'scalar' ? fieldText(value.pieces) : undefined;
      if (text !== undefined) seen[name] = text;
    }
    for (const item of prefix) {
      const assignment = item.t === 'word' ? assignmentOf(item) : undefined;
      const text = assignment && WORLD_VARIABLES.includes(assignment.name) ? fieldText(this.env.joined(assignment.value)) : undefined;
      if (assignment && text !== undefined) seen[assignment.name] = text;
    }
    return Object.keys(seen).length > 0 ? seen : undefined;
  }

  private recordLaunch(fields: Field[], environment?: Record<string, string>): void {
    const command = fields[0] && knownText(fields[0]);
    if (command === undefined || NOT_RUNNING.has(command.replace(/^.*\//, ''))) return;
    for (let i = 0; i < fields.length; i++) {
      const text = knownText(fields[i]);
      if (/\s/.test(text.trim()) && text.split(/\s+/).some((word) => this.isProgram(word))) {
        // `bash -c "$LAUNCHER $CMD"`: the string is itself a command line.
        const words = resplit(fields[i]);
        const program = words.findIndex((word) => this.isProgram(knownText(word)));
        if (program >= 0) this.launches.push({ fields: [...fields.slice(0, i), ...words, ...fields.slice(i + 1)], program: i + program, environment });
        return;
      }
      if (this.isProgram(text)) {
        this.launches.push({ ...(this.passedThrough(fields, i) ?? { fields, program: i }), environment });
        return;
      }
    }
  }

  /**
   * A job launcher that runs the command after its `--` (`python mason.py --gpus 8 -- source env.sh
   * \&\& accelerate launch … train.py --flags`, `ray job submit … -- python train.py`, `srun … --`):
   * the program it hands on is the run, with the words of its own command (between the last
   * separator and the program) as its launcher. Escaped `&&`/`;` are passed to the remote shell.
   */
  private passedThrough(fields: readonly Field[], program: number): Launch | undefined {
    const separator = fields.findIndex((field, index) => index > program && knownText(field) === '--');
    if (separator < 0) return undefined;
    const inner = fields.findIndex((field, index) => index > separator && this.isProgram(knownText(field)));
    if (inner < 0) return undefined;
    let start = separator + 1;
    for (let index = start; index < inner; index++) if (PASSED_SEPARATOR.test(knownText(fields[index]))) start = index + 1;
    return { fields: fields.slice(start), program: inner - start };
  }

  private assign(item: Item): void {
    if (item.t === 'array') {
      const elements = item.items.flatMap((word) => this.env.fields(word.parts));
      const old = this.env.vars.get(item.name);
      const before = item.append && old ? (old.kind === 'array' ? old.items : [old.pieces]) : [];
      const items = [...before, ...elements];
      const pieces = items.reduce((sum, field) => sum + field.length, 0);
      this.env.vars.set(
        item.name,
        pieces > MAX_ARRAY_PIECES ? { kind: 'scalar', pieces: [unresolved(item.span, 'the array grows past what is read here')] } : { kind: 'array', items },
      );
      return;
    }
    const assignment = assignmentOf(item)!;
    const value = this.env.joined(assignment.value);
    const old = this.env.vars.get(assignment.name);
    const span = item.span;
    if (assignment.append && old) {
      if (old.kind === 'array') {
        const items = [...old.items];
        items[0] = capped([...(items[0] ?? []), ...value], span);
        this.env.vars.set(assignment.name, { kind: 'array', items });
      } else this.env.vars.set(assignment.name, { kind: 'scalar', pieces: capped([...old.pieces, ...value], span) });
      return;
    }
    this.env.vars.set(assignment.name, { kind: 'scalar', pieces: capped(value, span) });
  }

  /** `[ ... ]`, `[[ ... ]]` and `test`, when every operand is known. */
  private test(items: readonly Item[]): boolean | undefined {
    const args: (string | undefined)[] = [];
    for (const item of items) {
      if (item.t !== 'word') return undefined;
      if (item.raw === ']' || item.raw === ']]') break;
      // Inside `[[ ]]` words are not split; in `[ ]` an unquoted empty variable vanishes.
      // A script run without arguments has none: `[ -n "$2" ]` is false, `$#` is 0.
      const positional = withoutArguments(item.parts);
      if (positional !== undefined) {
        args.push(positional);
        continue;
      }
      const fields = this.env.fields(item.parts);
      if (fields.length === 0) args.push('');
      for (const field of fields) args.push(fieldText(field));
    }
    return evaluateTest(args);
  }

  private pattern(parts: readonly Part[]): CasePattern | undefined {
    const pattern = new CasePattern();
    for (const part of parts) {
      if (part.t === 'lit') {
        if (part.quoted) pattern.addLiteral(part.text);
        else pattern.addGlob(part.text);
        continue;
      }
      const text = fieldText(this.env.joined([part]));
      if (text === undefined) return undefined;
      pattern.addLiteral(text);
    }
    return pattern;
  }
}

/** A test operand made only of text and positional parameters, as it reads when the script gets no arguments. */
function withoutArguments(parts: readonly Part[]): string | undefined {
  if (!parts.some((part) => part.t === 'param')) return undefined;
  let text = '';
  for (const part of parts) {
    if (part.t === 'lit') text += part.text;
    else if (part.t === 'param' && !part.op && !part.index && !part.length && !part.unsupported && /^([1-9]\d*|[@*#])$/.test(part.name))
      text += part.name === '#' ? '0' : '';
    else return undefined;
  }
  return text;
}

/** `NAME=value` or `NAME+=value` as a word: the name and the parts of the value. */
function assignmentOf(word: WordToken): { name: string; append: boolean; value: Part[] } | undefined {
  const first = word.parts[0];
  if (!first || first.t !== 'lit' || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const value: Part[] = rest ? [{ ...first, text: rest, span: { start: first.span.start + match[0].length, end: first.span.end } }] : [];
  return { name: match[1], append: match[2] === '+', value: [...value, ...word.parts.slice(1)] };
}

/** Splits a field at every blank, as `bash -c` or `eval` would read its string. */
function resplit(field: Field): Field[] {
  const words: Piece[][] = [];
  let current: Piece[] = [];
  for (const piece of field) {
    if (piece.unresolved) {
      current.push(piece);
      continue;
    }
    const pattern = /[^ \t\n]+|[ \t\n]+/g;
    for (let match = pattern.exec(piece.text); match; match = pattern.exec(piece.text)) {
      if (/^[ \t\n]/.test(match[0])) {
        if (current.length > 0) words.push(current);
        current = [];
        continue;
      }
      const span = piece.linear ? { start: piece.span.start + match.index, end: piece.span.start + match.index + match[0].length } : piece.span;
      current.push({ ...piece, text: match[0], span });
    }
  }
  if (current.length > 0) words.push(current);
  for (const word of words) SPLIT_FROM_STRING.add(word);
  return words;
}

const SPLIT_FROM_STRING = new WeakSet<Field>();

/**
 * Whether a word was cut out of a string read as a command line (`bash -c "$LAUNCHER $CMD"`):
 * there `>` and `2>&1` are redirections; in a word the shell itself split, `"</answer>"` is text.
 */
export function splitFromString(field: Field): boolean {
  return SPLIT_FROM_STRING.has(field);
}

/** The test expression of `[`/`test`/`[[`, or undefined when an operand or operator is unknown here. */
export function evaluateTest(args: readonly (string | undefined)[]): boolean | undefined {
  // `||` and `&&` (in `[[ ]]`) and `-o`/`-a`: split at the loosest operator first.
  for (const [or, and] of [
    ['||', '&&'],
    ['-o', '-a'],
  ]) {
    const at = args.lastIndexOf(or);
    if (at > 0) return combine(evaluateTest(args.slice(0, at)), evaluateTest(args.slice(at + 1)), 'or');
    const both = args.lastIndexOf(and);
    if (both > 0) return combine(evaluateTest(args.slice(0, both)), evaluateTest(args.slice(both + 1)), 'and');
  }
  if (args[0] === '!') {
    const inner = evaluateTest(args.slice(1));
    return inner === undefined ? undefined : !inner;
  }
  if (args.includes(undefined)) return undefined;
  const [a, op, b] = args as string[];
  if (args.length === 1) return a !== '';
  if (args.length === 2) {
    if (a === '-z') return op === '';
    if (a === '-n') return op !== '';
    return undefined;
  }
  if (args.length !== 3) return undefined;
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  const numeric = /^-(eq|ne|lt|le|gt|ge)$/.exec(op);
  if (!numeric || !/^\s*-?\d+\s*$/.test(a) || !/^\s*-?\d+\s*$/.test(b)) return undefined;
  const x = BigInt(a.trim());
  const y = BigInt(b.trim());
  return { eq: x === y, ne: x !== y, lt: x < y, le: x <= y, gt: x > y, ge: x >= y }[numeric[1] as 'eq'];
}

function combine(a: boolean | undefined, b: boolean | undefined, how: 'or' | 'and'): boolean | undefined {
  if (how === 'or') return a === true || b === true ? true : a === false && b === false ? false : undefined;
  return a === false || b === false ? false : a === true && b === true ? true : undefined;
}
