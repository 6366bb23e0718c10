import type { CliCase } from './cliCase';

/** A kept hostile input: what it is, the case, and (when its fix belongs to another branch) why it is not asserted yet. */
export interface KeptCase {
  readonly name: string;
  readonly case: CliCase;
  /** Large inputs (up to 200k rows): measured by test/bench/hostileCli.ts, not run in the unit tests. */
  readonly heavy?: boolean;
  /** Open, and whose: the unit test skips it with this reason, the fuzz counts it. */
  readonly open?: string;
}

const rows = (count: number, row: (i: number) => string) => Array.from({ length: count }, (_, i) => row(i)).join('\n');
const runsRow = (i: number, id = `r${i % 7}`) => {
  const parameters = 1e7 * (1 + (i % 6)) ** 2;
  const tokens = 1e9 * (1 + (i % 4000));
  return `${id},${parameters},${tokens},${1.7 + 400 / parameters ** 0.34 + 410 / tokens ** 0.28}`;
};
const LEVANTER_MODEL =
  'model:\n  type: llama\n  hidden_dim: 4096\n  num_layers: 32\n  num_heads: 32\ntrainer:\n  num_train_steps: 1000\n  train_batch_size: 256\n';

/**
 * The hostile inputs we keep: issue 21's eighteen (bombs, chains, escapes, outside paths, lab
 * inputs) and every reproducer the CLI fuzz found. `@CASE` is the case's folder, `@OUT` the folder
 * outside it that holds the secret (cliCase.ts).
 */
export const KEPT: readonly KeptCase[] = [
  {
    name: 'a facts file of a hundred {a,b} globs',
    case: {
      files: [
        { path: '.git/HEAD', text: 'ref: refs/heads/main\n' },
        { path: '.compute-budget.yaml', text: `facts:\n${rows(100, (i) => `  "${'{a,b}'.repeat(20)}${i}.json": { gpus: 2 }`)}\n` },
        {
          path: `${'ab'.repeat(10)}99.json`,
          text: '{"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "intermediate_size": 11008, "vocab_size": 32000}\n',
        },
      ],
      links: [],
      argv: ['analyze', `@CASE/${'ab'.repeat(10)}99.json`, '--root', '@CASE', '--json'],
    },
  },
  {
    name: 'a facts glob *a*a…*b against a 60-character file name',
    case: {
      files: [
        { path: '.git/HEAD', text: 'ref: refs/heads/main\n' },
        { path: '.compute-budget.yaml', text: `facts:\n  "${'*a'.repeat(30)}*b": { gpus: 8 }\n` },
        { path: `${'a'.repeat(55)}.yaml`, text: 'parameters: 7B\ntokens: 1T\n' },
      ],
      links: [],
      argv: ['analyze', `@CASE/${'a'.repeat(55)}.yaml`, '--root', '@CASE'],
    },
  },
  {
    name: 'eight Levanter files of eight !include lines each',
    case: {
      files: Array.from({ length: 8 }, (_, i) => ({
        path: i === 0 ? 'config.yaml' : `inc/f${i}.yaml`,
        text: `${rows(8, (j) => `k${j}: !include ${i === 0 ? 'inc/' : ''}f${Math.min(i + 1, 7)}.yaml`)}\n${i === 0 ? LEVANTER_MODEL : ''}`,
      })),
      links: [],
      argv: ['analyze', '@CASE/config.yaml', '--root', '@CASE'],
    },
  },
  {
    name: 'a shell case pattern that backtracks (130-byte launch script)',
    case: {
      files: [{ path: 'launch.sh', text: `M=${'a'.repeat(40)}\ncase "$M" in\n  ${'*a'.repeat(25)}*b) H=4096 ;;\nesac\ntorchrun train.py --hidden-size $H\n` }],
      links: [],
      argv: ['analyze', '@CASE/launch.sh', '--root', '@CASE'],
    },
  },
  {
    name: 'base_config climbing out to a secret',
    case: {
      files: [{ path: 'configs/run.yml', text: 'base_config: ../../../outside/secret/creds.yml\nsteps: 100\n' }],
      links: [],
      argv: ['analyze', '@CASE/configs/run.yml', '--root', '@CASE', '--format', 'github'],
    },
  },
  {
    name: '!include of an absolute path outside',
    case: {
      files: [{ path: 'config.yaml', text: `data: !include @OUT/secret/creds.yml\n${LEVANTER_MODEL}` }],
      links: [],
      argv: ['analyze', '@CASE/config.yaml', '--root', '@CASE', '--format', 'sarif'],
    },
  },
  {
    name: 'prior_config as a file:// URI outside',
    case: {
      files: [{ path: 'stage2.budget.yaml', text: 'prior_config: file://@OUT/secret/creds.yml\nparameters: 7B\ntokens: 1T\n' }],
      links: [],
      argv: ['statement', '@CASE/stage2.budget.yaml', '--root', '@CASE'],
    },
  },
  {
    name: 'a symbolic link in the repository that leads out',
    case: {
      files: [{ path: 'config.yaml', text: 'base_config: link.yml\nsteps: 100\n' }],
      links: [{ path: 'link.yml', target: '@OUT/secret/creds.yml' }],
      argv: ['analyze', '@CASE/config.yaml', '--root', '@CASE', '--json'],
    },
  },
  {
    name: 'a runs file whose config column names /dev/zero and the secret',
    case: {
      files: [
        {
          path: 'runs.csv',
          text: `run,parameters,tokens,loss,config\n${rows(12, (i) => `${runsRow(i)},${i % 2 ? '/dev/zero' : '../../outside/secret/creds.yml'}`)}\n`,
        },
      ],
      links: [],
      argv: ['fit', '@CASE/runs.csv', '--root', '@CASE', '--bootstrap', '0'],
    },
  },
  {
    name: 'a launch script with 150,000 values in one array',
    heavy: true,
    case: {
      files: [
        {
          path: 'launch.sh',
          text: `SIZES=(${rows(150_000, (i) => String(i)).replace(/\n/g, ' ')})\ntorchrun train.py --hidden-size 4096 --num-layers \${SIZES[@]}\n`,
        },
      ],
      links: [],
      argv: ['analyze', '@CASE/launch.sh', '--root', '@CASE'],
    },
  },
  {
    name: 'fit over 150,000 rows',
    heavy: true,
    case: {
      files: [{ path: 'runs.csv', text: `run,parameters,tokens,loss\n${rows(150_000, (i) => runsRow(i))}\n` }],
      links: [],
      argv: ['fit', '@CASE/runs.csv', '--bootstrap', '0', '--root', '@CASE'],
    },
  },
  {
    name: 'fit over 200,000 early checkpoints (the quadratic filter)',
    heavy: true,
    case: {
      files: [{ path: 'runs.csv', text: `run,parameters,tokens,loss\n${rows(200_000, (i) => runsRow(i, `r${i % 3}`))}\n` }],
      links: [],
      argv: ['fit', '@CASE/runs.csv', '--bootstrap', '0', '--min-tokens', '1e12', '--root', '@CASE'],
    },
  },
  {
    name: 'boundary over 200,000 rows',
    heavy: true,
    case: {
      files: [
        {
          path: 'evals.csv',
          text: `model,compute,task,score\n${rows(200_000, (i) => `m${i},${10 ** (18 + (i % 8))},${['mmlu', 'gsm8k'][i % 2]},${0.2 + (i % 8) * 0.09}`)}\n`,
        },
      ],
      links: [],
      argv: ['boundary', '@CASE/evals.csv', '--root', '@CASE'],
    },
  },
  {
    name: 'stop over a log of 300,000 rows',
    heavy: true,
    case: {
      files: [{ path: 'loss.csv', text: `step,tokens,loss\n${rows(300_000, (i) => `${i},${i * 4e6},${2 + 3 / Math.sqrt(i + 1)}`)}\n` }],
      links: [],
      argv: ['stop', '@CASE/loss.csv', '--json', '--root', '@CASE'],
    },
  },
  {
    name: 'fit --compute past any run',
    case: {
      files: [{ path: 'runs.csv', text: `run,parameters,tokens,loss\n${rows(24, (i) => runsRow(i))}\n` }],
      links: [],
      argv: ['fit', '@CASE/runs.csv', '--compute', '1e300', '--bootstrap', '0', '--root', '@CASE'],
    },
  },
  {
    name: 'task names that are workflow commands (boundary text)',
    case: {
      files: [
        {
          path: 'runs.csv',
          text: `run,parameters,tokens,loss\n${rows(24, (i) => runsRow(i, i % 7 === 1 ? '"::add-mask::x"' : i % 7 === 2 ? '"\u001b[2J::error::pwn"' : `r${i % 7}`))}\n`,
        },
        {
          path: 'evals.csv',
          text: `model,compute,task,score\n${rows(24, (i) => `m${i},${10 ** (18 + (i % 8))},${i % 2 ? '::stop-commands::t0k3n' : 'mmlu'},${0.2 + (i % 8) * 0.09}`)}\n`,
        },
      ],
      links: [],
      argv: ['boundary', '@CASE/evals.csv', '--root', '@CASE'],
    },
  },
  {
    name: 'run ids that are workflow commands and escapes (fit text)',
    case: {
      files: [
        {
          path: 'runs.csv',
          text: `run,parameters,tokens,loss\n${rows(24, (i) => runsRow(i, i % 7 === 1 ? '"::add-mask::x"' : i % 7 === 2 ? '"\u001b[2J::error::pwn"' : `r${i % 7}`))}\n`,
        },
      ],
      links: [],
      argv: ['fit', '@CASE/runs.csv', '--bootstrap', '0', '--root', '@CASE'],
    },
  },
  {
    name: 'a file name that starts with ::',
    case: {
      files: [{ path: '::error::pwn.yaml', text: 'parameters: 7B\ntokens: 1T\nmodel_name: "\\e[2J"\n' }],
      links: [],
      argv: ['analyze', '@CASE/::error::pwn.yaml', '@CASE/::add-mask::missing.yml', '--root', '@CASE'],
      relative: true,
    },
  },
  {
    name: 'a statement for a file whose name holds a C1 escape',
    case: {
      files: [{ path: 'c1\u009b31m.yaml', text: 'parameters: 7B\ntokens: 1T\n' }],
      links: [],
      argv: ['statement', '@CASE/c1\u009b31m.yaml', '--root', '@CASE'],
    },
  },
  {
    name: 'a facts file above --root (no .git between)',
    case: {
      files: [{ path: 'config.yaml', text: 'parameters: 7B\ntokens: 1T\n' }],
      links: [],
      argv: ['analyze', '@CASE/config.yaml', '--root', '@CASE', '--json'],
    },
  },
  {
    name: 'a facts file whose fact names are __proto__ and constructor',
    case: {
      files: [
        { path: '.compute-budget.yaml', text: 'facts:\n  "**": { __proto__: 1, constructor: 2 }\n' },
        { path: 'config.yaml', text: 'parameters: 7B\ntokens: 1T\n' },
      ],
      links: [],
      argv: ['statement', '@CASE/config.yaml', '--root', '@CASE'],
    },
  },
];
