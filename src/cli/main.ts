import type { DocPage } from '../core/docs/diagnosticDocs';
import { guardOutput, terminalText } from '../core/text/sanitise';
import { runAnalyze } from './analyzeCommand';
import { flag, parseArgs, UsageError, type ParsedArgs } from './args';
import { colors, useColor } from './color';
import { acceptedOptions, COMMAND_HELP, helpText, SWITCHES } from './help';
import { runBoundary, runFit, runStop } from './labCommands';
import { runPlan } from './planCommand';
import { runStatement } from './statementCommand';
import type { CliIO } from './io';
import { VERSION } from './version';

type Command = (args: ParsedArgs, io: CliIO) => number | Promise<number>;

/** Subcommands by name; each returns the process exit code. */
export const COMMANDS: Record<keyof typeof COMMAND_HELP, Command> = {
  analyze: runAnalyze,
  plan: runPlan,
  statement: runStatement,
  fit: runFit,
  stop: runStop,
  boundary: runBoundary,
};

export interface MainOptions {
  /** Colour stdout; off unless given (the executable decides from the terminal and the environment). */
  readonly color?: boolean;
  /** Colour stderr; off unless given. */
  readonly errorColor?: boolean;
  /** The docs pages' diagnostic sections (the executable passes the copy bundled into it). */
  readonly docs?: readonly DocPage[];
}

/**
 * Runs the command line and returns the exit code (see EXIT_CODES in help.ts): 0 success,
 * 1 findings at `--fail-on` or an unreadable file, 2 a usage error, 70 an internal error.
 */
export async function main(
  argv: readonly string[],
  write: (text: string) => void = (text) => process.stdout.write(text + '\n'),
  warn: (text: string) => void = (text) => process.stderr.write(text + '\n'),
  options: MainOptions = {},
): Promise<number> {
  let command: string | undefined;
  const noColor = argv.includes('--no-color');
  // The last guard on everything written (src/core/text/sanitise.ts): whatever a command builds, no
  // line of it is read as a GitHub workflow command. `--format github` writes commands on purpose.
  let commands = false;
  const guardedWrite = (text: string) => write(guardOutput(text, { commands }));
  const guardedWarn = (text: string) => warn(guardOutput(text));
  const io: CliIO = {
    write: guardedWrite,
    warn: guardedWarn,
    color: colors(!!options.color && !noColor),
    errorColor: colors(!!options.errorColor && !noColor),
    docs: options.docs,
  };
  try {
    const args = parseArgs(argv, SWITCHES);
    command = args.command && Object.hasOwn(COMMANDS, args.command) ? args.command : undefined;
    if (args.flags.has('version')) {
      write(VERSION);
      return 0;
    }
    if (args.command !== undefined && command === undefined)
      throw new UsageError(`unknown command "${terminalText(args.command, 60)}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    if (args.flags.has('help')) {
      write(helpText(io.color, command as keyof typeof COMMANDS | undefined));
      return 0;
    }
    if (command === undefined) throw new UsageError(`no command given (${Object.keys(COMMANDS).join(', ')})`);
    const accepted = acceptedOptions(command as keyof typeof COMMANDS);
    for (const name of args.flags.keys()) {
      if (!accepted.has(name)) throw new UsageError(`${command} has no option --${terminalText(name, 60)}`);
    }
    // Aliases (`--accelerator`) read as the option they stand for.
    const flags = new Map<string, string[]>();
    for (const [name, values] of args.flags) {
      const canonical = accepted.get(name)!;
      flags.set(canonical, [...(flags.get(canonical) ?? []), ...values]);
    }
    // No colour in output meant for programs: --json, or any --format but the table.
    const format = flag({ ...args, flags }, 'format');
    const plain = flag({ ...args, flags }, 'json') !== undefined || (format !== undefined && format !== 'table');
    commands = command === 'analyze' && format === 'github';
    return await COMMANDS[command as keyof typeof COMMANDS]({ ...args, flags }, plain ? { ...io, color: colors(false) } : io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.warn(`compute-budget: ${io.errorColor.red('error:')} ${terminalText(error.message, 500)}`);
      io.warn(`Run 'compute-budget${command ? ` ${command}` : ''} --help' for usage.`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), undefined, undefined, {
    color: useColor(process.stdout, process.env),
    errorColor: useColor(process.stderr, process.env),
    docs: bundledDocs(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`compute-budget: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

/**
 * The docs pages' `### <code>` sections bundled into dist/cli.js (esbuild.js, plugin `doc-sections`).
 * Loaded only by the executable: tsc's out/ (the unit tests) has no such module, and the tests pass their own.
 */
function bundledDocs(): readonly DocPage[] | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./docPages') as typeof import('./docPages')).DOC_PAGES;
  } catch {
    return undefined;
  }
}
