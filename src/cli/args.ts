import { parseCount } from '../core/source/quantity';
/** A small argument parser: the command line has few flags and no need for a dependency. */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positional: string[];
  readonly flags: Map<string, string[]>;
}

/** Short options and the long option each stands for. */
const SHORT: Readonly<Record<string, string>> = { '-h': 'help', '-V': 'version' };

/**
 * Splits `argv` into the command, its operands and `--name value` / `--name=value` flags.
 * `switches` names the flags that take no value; `--` ends the options (a file named `-x` follows it).
 */
export function parseArgs(argv: readonly string[], switches: ReadonlySet<string>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (const arg of argv.slice(i + 1)) positional.push(arg);
      break;
    } else if (Object.hasOwn(SHORT, arg)) {
      add(SHORT[arg]!, 'true');
    } else if (arg.startsWith('--') && arg.length > 2) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (switches.has(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        add(name, 'true');
        continue;
      }
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      add(name, value);
    } else if (/^-[^-\d.]/.test(arg)) {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    } else {
      positional.push(arg);
    }
  }
  const [command, ...rest] = positional;
  return { command, positional: rest, flags };
}

/** Wrong use of the command line: one line on stderr, a hint to `--help`, exit 2. */
export class UsageError extends Error {}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.at(-1);
}

/** A count as configs write them: `5.76e23`, `1024`, `2T`, `70B`. */
export function countFlag(args: ParsedArgs, name: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const parsed = parseCount(text);
  if (!parsed.ok) throw new UsageError(`--${name} must be a number (e.g. 5.76e23, 1024 or 2T), not ${JSON.stringify(text)}`);
  return parsed.value;
}

/** Every `--fact NAME=VALUE`, later ones winning. */
export function factFlags(args: ParsedArgs): Record<string, string> {
  const given: Record<string, string> = {};
  for (const pair of args.flags.get('fact') ?? []) {
    const [name, value] = pair.split('=', 2);
    if (!name || value === undefined) throw new UsageError(`--fact takes NAME=VALUE, e.g. --fact gpus=128 (got ${JSON.stringify(pair)})`);
    given[name] = value;
  }
  return given;
}

export function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, not ${JSON.stringify(text)}`);
  return value;
}
