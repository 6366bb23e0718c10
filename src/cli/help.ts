import type { Colors } from 'picocolors/types';
import { FACT_NAMES } from '../core/source/directives';
import { VERSION } from './version';

/** One option a command accepts, as `--help` shows it. */
export interface OptionSpec {
  readonly name: string;
  /** The value's placeholder; none for a switch. */
  readonly value?: string;
  /** Other names for the same option (`-h`, `--accelerator`). */
  readonly aliases?: readonly string[];
  /** One sentence or two; wrapped to the terminal's 80 columns when shown. */
  readonly help: string;
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'help', aliases: ['-h'], help: "this help; after a command, that command's help only" },
  { name: 'version', aliases: ['-V'], help: 'print the version and exit' },
  { name: 'no-color', help: 'no colour even in a terminal (NO_COLOR=1 does the same; FORCE_COLOR=1 forces it)' },
];

/** What `analyze` writes to stdout (`--format`); `--json` is `--format json`. */
export const ANALYZE_FORMATS = ['table', 'json', 'sarif', 'github'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

export const ANALYZE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    value: 'F',
    help: 'table (default); json (same as --json); sarif: a SARIF 2.1.0 log for code scanning, one rule per diagnostic code; github: one GitHub Actions annotation (::warning file=...::) per diagnostic. The exit codes are the same in every format.',
  },
  { name: 'json', help: 'an array with one JSON object per file (compute-budget/analyze@1: docs/cli.md)' },
  { name: 'fail-on', value: 'SEVERITY', help: 'exit 1 when any diagnostic is at least this severe: error, warning, information or hint (default: never)' },
  {
    name: 'fact',
    value: 'NAME=VALUE',
    help: `a fact the file does not hold; repeatable. It beats the file's own \`# compute-budget:\` comments, which beat .compute-budget.yaml files. Facts: ${Object.keys(FACT_NAMES).join(', ')}.`,
  },
  { name: 'tokens-per-parameter', value: 'N', help: 'the compute-optimal ratio to compare with (default 20, Chinchilla)' },
  {
    name: 'allow-network',
    help: 'fetch the config.json of a model named by Hugging Face id (org/name) from the Hub when the local cache lacks it. HF_HUB_OFFLINE=1 wins over it; uses HF_ENDPOINT and HF_TOKEN (or HF_TOKEN_PATH, HF_HOME/token). Without it, models come from the cache (HF_HUB_CACHE, HF_HOME/hub) or the built-in catalog.',
  },
  {
    name: 'allow-outside',
    help: 'read the files and folders named here, and the files a config points at (base_config, !include, prior_config, tokenizer files, local model folders), outside the --root folder too. Without it all are read only inside it, symbolic links followed.',
  },
  {
    name: 'root',
    value: 'DIR',
    help: 'the folder the files named here and the files a config points at must lie in (default: the working folder)',
  },
];

export const PLAN_OPTIONS: readonly OptionSpec[] = [
  { name: 'flops', value: 'C', help: 'the compute budget in FLOP (5.76e23)' },
  {
    name: 'gpu',
    value: 'NAME',
    aliases: ['--accelerator'],
    help: 'A100, H100, H200, B200, GB200, MI300X, TPUv5p, L40S, RTX4090 and the other rows of docs/memory.md (dense peaks: docs/planner.md); with --flops, only for hours, days and cost',
  },
  { name: 'count', value: 'N', help: 'how many accelerators (with --flops: for the hours, days and cost)' },
  { name: 'days', value: 'D', help: 'wall-clock days of training (with --gpu and --count)' },
  { name: 'mfu', value: 'F', help: 'model FLOP utilisation, a fraction (default 0.4)' },
  { name: 'precision', value: 'P', help: 'bf16 (default) or fp8: which peak to use' },
  { name: 'price-per-hour', value: 'P', help: 'price of one accelerator-hour, for the cost' },
  {
    name: 'target',
    value: 'T',
    help: 'chinchilla (default), multiple:K (K x 20 tokens per parameter), parameters:N (a fixed model size) or inference:TOKENS (sized for expected inference, Sardana et al. 2023)',
  },
  { name: 'fit', value: 'F', help: 'the loss fit to plan with: epoch2024 (default) or hoffmann2022' },
  {
    name: 'config',
    value: 'FILE',
    help: "with --gpu: the TP x PP x DP layouts of this config's run that fit that accelerator, fewest accelerators first, with the predicted peak (docs/memory.md)",
  },
  { name: 'allow-outside', help: 'read a --config, and the files it points at, outside the --root folder too' },
  { name: 'root', value: 'DIR', help: 'the folder --config and the files it points at must lie in (default: the working folder)' },
  { name: 'json', help: 'the plan as one JSON object (compute-budget/plan@1: docs/cli.md)' },
];

export const FIT_OPTIONS: readonly OptionSpec[] = [
  { name: 'min-tokens', value: 'T', help: "leave out checkpoints before this many tokens, except each run's last (default 10B, Choshen et al.)" },
  { name: 'compute', value: 'C', help: 'also give the loss-optimal N and D for this budget under the fitted law' },
  { name: 'bootstrap', value: 'N', help: 'bootstrap resamples for the intervals (default 100; 0 for none)' },
  { name: 'seed', value: 'S', help: 'seed of the bootstrap, for reproducible intervals' },
  {
    name: 'allow-outside',
    help: 'read the runs file and the configs named in its config column outside the --root folder too (without it: only inside it, links followed)',
  },
  { name: 'root', value: 'DIR', help: "the folder the runs file and its config column's files must lie in (default: the working folder)" },
  { name: 'json', help: 'the fit as one JSON object (compute-budget/fit@1: docs/cli.md)' },
];

export const STOP_OPTIONS: readonly OptionSpec[] = [
  { name: 'config', value: 'FILE', help: "the run's config: tokens per step and the planned total come from it" },
  { name: 'tokens-per-step', value: 'N', help: 'global batch x sequence length, when the log has steps but no tokens' },
  { name: 'planned-tokens', value: 'T', help: "the run's planned length, for the projected gain of what remains" },
  { name: 'allow-outside', help: 'read the log and --config outside the --root folder too, as for analyze' },
  { name: 'root', value: 'DIR', help: 'the folder the log and --config must lie in (default: the working folder)' },
  { name: 'json', help: 'the signal as one JSON object (compute-budget/stop@1: docs/cli.md)' },
];

export const BOUNDARY_OPTIONS: readonly OptionSpec[] = [
  { name: 'compute', value: 'C', help: 'place a run of this compute on the boundary' },
  { name: 'tau', value: 'Q', help: 'the quantile the boundary follows (default 0.98)' },
  { name: 'task', value: 'NAME', help: 'only this benchmark (default: every task in the file)' },
  { name: 'allow-outside', help: 'read an evals file outside the --root folder too, as for analyze' },
  { name: 'root', value: 'DIR', help: 'the folder the evals file must lie in (default: the working folder)' },
  { name: 'json', help: 'the boundaries as one JSON object (compute-budget/boundary@1: docs/cli.md)' },
];

export const STATEMENT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', value: 'F', help: 'md (default): a Markdown document; json: compute-budget/statement@1 (docs/cli.md)' },
  { name: 'fact', value: 'NAME=VALUE', help: 'a fact the file does not hold, as for analyze; repeatable' },
  { name: 'allow-network', help: 'look a model named by Hugging Face id up on the Hub, as for analyze' },
  { name: 'allow-outside', help: 'read the config and the files it points at outside the --root folder too, as for analyze' },
  { name: 'root', value: 'DIR', help: 'the folder the config and the files it points at must lie in (default: the working folder)' },
];

export interface CommandHelp {
  readonly usage: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

export type CommandName = 'analyze' | 'plan' | 'statement' | 'fit' | 'stop' | 'boundary';

export const COMMAND_HELP: Readonly<Record<CommandName, CommandHelp>> = {
  analyze: {
    usage: 'compute-budget analyze FILE|DIR... [options]',
    summary:
      "Parameters, training tokens, compute (6ND), tokens per parameter and regulatory thresholds of each config file. Facts from .compute-budget.yaml files in the file's folder and the folders above it (up to the repository root) apply. A folder is walked: its training configs are analysed one at a time (.gitignore, node_modules and .git skipped, no symbolic link followed), the rest summed up in one line on stderr.",
    options: ANALYZE_OPTIONS,
    examples: [
      'compute-budget analyze configs/llama-2-7b.yaml',
      'compute-budget analyze . --format github',
      'compute-budget analyze configs/*.yaml --json --fail-on warning',
      'compute-budget analyze configs/*.yaml --format sarif > budget.sarif',
      'compute-budget analyze pythia.yml --fact gpus=128 --fact dataset_tokens=300B',
    ],
  },
  plan: {
    usage: 'compute-budget plan (--flops C | --gpu NAME --count N --days D) [options]',
    summary:
      'The model size and training tokens for a compute budget, with accelerator-hours, days, cost, predicted loss and where the run sits against each regulatory threshold.',
    options: PLAN_OPTIONS,
    examples: [
      'compute-budget plan --flops 5.76e23',
      'compute-budget plan --gpu H100 --count 1024 --days 30 --price-per-hour 2.5',
      'compute-budget plan --flops 1e24 --target inference:10T --json',
    ],
  },
  statement: {
    usage: 'compute-budget statement FILE [options]',
    summary:
      'A training compute statement to hand to a compliance colleague: the cumulative estimate to two significant figures with its method and inputs, what was assumed and counted, the ±30% band, every threshold with its status and date, and the notification deadline where one applies.',
    options: STATEMENT_OPTIONS,
    examples: ['compute-budget statement configs/7b.yaml > statement.md', 'compute-budget statement configs/7b.yaml --format json'],
  },
  fit: {
    usage: 'compute-budget fit RUNS [options]',
    summary:
      'Fits your own scaling law L(N, D) = E + A/N^alpha + B/D^beta to small runs (Huber loss on log-loss, L-BFGS from a grid, Hoffmann et al. / Besiroglu et al.), with bootstrap intervals, the error on the largest model held out, and the compute-optimal allocation under it.',
    options: FIT_OPTIONS,
    examples: ['compute-budget fit runs.csv', 'compute-budget fit runs.csv --compute 1e24 --json'],
  },
  stop: {
    usage: 'compute-budget stop LOG [options]',
    summary:
      'Whether a running job has reached low returns: the loss improvement per 100B tokens and perplexity improvement per 10B tokens over the last fifth of the log (Theil-Sen slope), against 0.01 and 0.5%.',
    options: STOP_OPTIONS,
    examples: ['compute-budget stop loss.csv --config configs/7b.yaml', 'compute-budget stop wandb-export.jsonl --tokens-per-step 4M --json'],
  },
  boundary: {
    usage: 'compute-budget boundary EVALS [options]',
    summary:
      'The capability boundary: the best attainable benchmark score as a sigmoid of log-compute at a high quantile (pinball loss), its coverage on held-out models, and where a run of a given compute sits on it.',
    options: BOUNDARY_OPTIONS,
    examples: ['compute-budget boundary evals.csv --compute 1.1e24'],
  },
};

/** Exit codes, and the commands that can end with each (none: every command). */
export const EXIT_CODES: readonly [number, string, CommandName?][] = [
  [0, 'success'],
  [1, 'a diagnostic reached --fail-on, or a file could not be read', 'analyze'],
  [1, 'the file could not be read, or its compute cannot be estimated', 'statement'],
  [1, 'the file could not be read or held too little to fit or judge', 'fit'],
  [1, 'the file could not be read or held too little to fit or judge', 'stop'],
  [1, 'the file could not be read or held too little to fit or judge', 'boundary'],
  [2, 'usage error: an unknown command or option, or a bad value'],
  [70, 'internal error (please report it)'],
];

/** `--help`: every command and option the parser accepts, the exit codes and examples. */
export function helpText(color: Colors, command?: keyof typeof COMMAND_HELP): string {
  const out: string[] = [];
  const heading = (text: string) => out.push('', color.bold(text));
  const options = (specs: readonly OptionSpec[]) => {
    for (const spec of specs) {
      const names = [...(spec.aliases ?? []).filter((alias) => !alias.startsWith('--')), `--${spec.name}`].join(', ') + (spec.value ? ` ${spec.value}` : '');
      const long = (spec.aliases ?? []).filter((alias) => alias.startsWith('--'));
      const text = wrap(`${spec.help}${long.length ? ` (also ${long.join(', ')})` : ''}`, 80 - 28);
      if (names.length > 25) out.push(`  ${names}`);
      text.forEach((line, i) => (i > 0 || names.length > 25 ? out.push(`${' '.repeat(28)}${line}`) : out.push(`  ${names.padEnd(26)}${line}`)));
    }
  };
  if (command) {
    const help = COMMAND_HELP[command];
    out.push(`${color.bold('Usage:')} ${help.usage}`, '', ...wrap(help.summary, 78));
    heading('Options:');
    options(help.options);
    options(GLOBAL_OPTIONS);
    heading('Examples:');
    for (const example of help.examples) out.push(`  ${example}`);
  } else {
    out.push(`compute-budget ${VERSION}`, 'Training compute and regulatory thresholds of ML configs; fit your scaling laws.');
    heading('Usage:');
    for (const name of Object.keys(COMMAND_HELP) as CommandName[]) out.push(`  ${COMMAND_HELP[name].usage}`);
    out.push('  compute-budget --help | --version');
    for (const name of Object.keys(COMMAND_HELP) as (keyof typeof COMMAND_HELP)[]) {
      heading(`${name} options:`);
      options(COMMAND_HELP[name].options);
    }
    heading('Options for every command:');
    options(GLOBAL_OPTIONS);
    heading('Examples:');
    for (const name of Object.keys(COMMAND_HELP) as (keyof typeof COMMAND_HELP)[]) for (const example of COMMAND_HELP[name].examples) out.push(`  ${example}`);
  }
  if (!command || command === 'analyze') {
    heading('Environment:');
    out.push(
      '  NO_COLOR, FORCE_COLOR      turn colour off, or on where it would be off',
      '  HF_HUB_OFFLINE, HF_ENDPOINT, HF_TOKEN, HF_TOKEN_PATH, HF_HOME, HF_HUB_CACHE',
      '                            where models named by Hugging Face id are looked up',
    );
  }
  heading('Exit codes:');
  // One line per code: in the general help, what each command means by it, commands sharing a meaning together.
  for (const code of [...new Set(EXIT_CODES.map(([each]) => each))]) {
    const rows = EXIT_CODES.filter(([each, , only]) => each === code && (!command || !only || only === command));
    if (!rows.length) continue;
    const meanings = new Map<string, string[]>();
    for (const [, meaning, only] of rows) meanings.set(meaning, [...(meanings.get(meaning) ?? []), ...(only ? [only] : [])]);
    const text = [...meanings].map(([meaning, commands]) => (!command && commands.length ? `${commands.join(', ')}: ${meaning}` : meaning)).join('; ');
    wrap(text, 74).forEach((line, i) => out.push(`  ${i === 0 ? String(code).padEnd(4) : '    '}${line}`));
  }
  return out.join('\n');
}

/** Every option name (without dashes) a command accepts, aliases included. */
export function acceptedOptions(command: keyof typeof COMMAND_HELP): Map<string, string> {
  const names = new Map<string, string>();
  for (const spec of [...COMMAND_HELP[command].options, ...GLOBAL_OPTIONS]) {
    names.set(spec.name, spec.name);
    for (const alias of spec.aliases ?? []) if (alias.startsWith('--')) names.set(alias.slice(2), spec.name);
  }
  return names;
}

/** Names of the options that take no value, for the parser. */
export const SWITCHES: ReadonlySet<string> = new Set(
  [...Object.values(COMMAND_HELP).flatMap((help) => help.options), ...GLOBAL_OPTIONS].filter((spec) => !spec.value).map((spec) => spec.name),
);

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
