import fc from 'fast-check';
import { absurdNumber, anyInput, hostileString } from '../arbitraries';
import type { CorpusFile } from '../corpus';
import type { CliCase } from './cliCase';

type File = { path: string; text: string };
type Link = { path: string; target: string };

/** Text meant for a terminal or a CI log: escapes, workflow commands on a line of their own, Markdown and HTML. */
export const injection = fc.oneof(
  hostileString,
  fc.constantFrom(
    '::error::pwned',
    '::add-mask::x',
    '\n::error file=a::pwned',
    '::stop-commands::t0k3n',
    '%0A::error::encoded',
    'x\r::warning::cr',
    '\u001b[31mred\u001b[0m',
    '\u001b]0;title\u0007',
    '| a | b |\n|---|---|',
    '<img src=x onerror=alert(1)>',
    '`code` *em* [l](http://x)',
  ),
);

/** File names a repository may hold: plain, in folders, and hostile ones (`::`, escapes, newlines, Markdown). */
const NAME = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('config.yaml', 'configs/model.yml', 'train.toml', 'config.json', 'run.budget.yaml', 'launch.sh', 'a/b/c/deep.yaml') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '::error::pwn.yaml',
      '::add-mask::x.yml',
      'a\n::error::newline.yaml',
      'esc\u001b[2Jape.yaml',
      'bidi\u202eyaml.txt.yaml',
      '%0A::warning::pct.yaml',
      '*star*[md](x).yaml',
      'sp ace,comma:colon.yaml',
      'c1\u009b31m.yaml',
    ),
  },
);

/** A path another file names: in the tree, climbing out with `..`, absolute, `file://`, to devices, or to the secret outside. */
const REFERENCE = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('base.yml', 'configs/model.yml', 'data/source.yaml', 'link.yml', 'loop/base.yml', 'config.yaml', 'missing.yml') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '../../outside/secret/creds.yml',
      '../../../outside/secret/creds.yml',
      '@OUT/secret/creds.yml',
      'file://@OUT/secret/creds.yml',
      'FILE://@OUT/secret/base.yml',
      '@CASE/../../outside/secret/creds.yml',
      'configs/../../../outside/secret/creds.yml',
      '/dev/zero',
      '/dev/urandom',
      '/proc/self/environ',
      '/etc/passwd',
      '~/.ssh/id_rsa',
      '%2e%2e/%2e%2e/outside/secret/creds.yml',
      'secretlink/creds.yml',
      'dirlink/../creds.yml',
    ),
  },
);

/** Symbolic links a cloned repository can carry: out of it, to devices, in loops, dangling, and harmless ones. */
const LINKS: fc.Arbitrary<Link[]> = fc.subarray([
  { path: 'link.yml', target: '@OUT/secret/creds.yml' },
  { path: 'secretlink', target: '@OUT/secret' },
  { path: 'dirlink', target: '../../outside/secret' },
  { path: 'zero.yml', target: '/dev/zero' },
  { path: 'loop/base.yml', target: '../loop/base.yml' },
  { path: 'self', target: '.' },
  { path: 'dangling.yml', target: '@OUT/secret/gone.yml' },
  { path: 'inside.yml', target: 'base.yml' },
  { path: 'runs-link.csv', target: '@OUT/secret/runs.csv' },
]);

/** Configs that point at other files: MaxText's base_config, Levanter's !include, a budget's prior_config, in chains and fans. */
const CHAINED: fc.Arbitrary<File[]> = fc.oneof(
  fc.tuple(REFERENCE, REFERENCE, fc.constantFrom('maxtext', 'levanter', 'prior')).map(([first, second, style]) => {
    if (style === 'maxtext')
      return [
        { path: 'config.yaml', text: `base_config: "${first}"\nper_device_batch_size: 2\nsteps: 100\nmax_target_length: 2048\n` },
        { path: 'base.yml', text: `base_config: "${second}"\nmodel_name: llama2-7b\nbase_emb_dim: 4096\n` },
      ];
    if (style === 'levanter')
      return [
        {
          path: 'config.yaml',
          text: `data: !include ${first}\nmodel:\n  type: llama\n  hidden_dim: 4096\n  num_layers: 32\ntrainer:\n  num_train_steps: 1000\n  train_batch_size: 256\n`,
        },
        { path: 'data/source.yaml', text: `cache_dir: !include ${second}\ntokenizer: gpt2\n` },
      ];
    return [
      { path: 'config.yaml', text: `# compute-budget: parameters=7B\nprior_config: ${first}\ntokens: 1T\n` },
      { path: 'base.yml', text: `prior_config: ${second}\nparameters: 7B\ntokens: 2T\n` },
    ];
  }),
  // A fan of includes: `files` files of `width` !include lines each, every one naming the next file (the 1.3 KB chain bomb).
  fc.tuple(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 })).map(([files, width]) =>
    Array.from({ length: files }, (_, i) => ({
      path: i === 0 ? 'config.yaml' : `inc/f${i}.yaml`,
      text: Array.from({ length: width }, (_, j) => `k${j}: !include ${i === 0 ? 'inc/' : ''}f${Math.min(i + 1, files - 1)}.yaml`).join('\n') + '\n',
    })),
  ),
);

/** `.compute-budget.yaml` files: globs that run away, facts with hostile values, the wrong shapes. */
const FACTS_TEXT = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 30 }))
    .map(([entries, braces]) => `facts:\n${Array.from({ length: entries }, (_, i) => `  "${'{a,b}'.repeat(braces)}${i}.json": { gpus: 2 }`).join('\n')}\n`),
  fc.integer({ min: 1, max: 60 }).map((stars) => `facts:\n  "${'*a'.repeat(stars)}*b": { gpus: 8 }\n  "**/*.y*ml": { tokens: 1T }\n`),
  fc
    .tuple(fc.constantFrom('**', '*.yaml', 'configs/**', '{1..100000}', '+(a|b).yaml', '[z-a]', '\\', '**/**/**/**', 'a/../../x'), injection, absurdNumber)
    .map(
      ([glob, hostile, number]) =>
        `facts:\n  ${JSON.stringify(glob)}: { gpus: ${JSON.stringify(number)}, model: ${JSON.stringify(hostile)}, ${JSON.stringify(hostile)}: 1 }\n`,
    ),
  fc.constantFrom(
    'facts: [1, 2]\n',
    'facts:\n  "**": 7\n',
    '- a\n- b\n',
    'facts: &a [*a]\n',
    '\u0000\u0001',
    'facts:\n  "**": { __proto__: 1, constructor: 2 }\n',
  ),
);

const rowsOf = (count: number, row: (i: number) => string) => Array.from({ length: count }, (_, i) => row(i)).join('\n');

/** A runs file for `fit`: CSV, TSV or JSON Lines, sane and absurd numbers, hostile ids, a config column. */
const RUNS = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(',', '\t', 'jsonl'), injection, fc.option(REFERENCE), fc.option(absurdNumber), fc.boolean())
  .map(([count, separator, hostile, config, absurd, manyCheckpoints]) => {
    const row = (i: number) => {
      const parameters = 1e7 * (1 + (i % 6)) ** 2;
      const tokens = manyCheckpoints ? 1e9 * (1 + (i % 40)) : 20 * parameters * (1 + (i % 3));
      const loss = 1.7 + 400 / parameters ** 0.34 + 410 / tokens ** 0.28;
      const cells = [
        i === 1 ? hostile : `run${i % 7}`,
        i === 2 && absurd ? absurd : String(parameters),
        String(tokens),
        String(loss),
        i % 4 === 0 && config ? config : '',
      ];
      if (separator === 'jsonl') return JSON.stringify({ run: cells[0], parameters: cells[1], tokens: cells[2], loss: cells[3], config: cells[4] });
      return cells.map((cell) => (separator === ',' && /[",\n]/.test(cell) ? JSON.stringify(cell) : cell)).join(separator);
    };
    const header = separator === 'jsonl' ? '' : ['run', 'parameters', 'tokens', 'loss', 'config'].join(separator) + '\n';
    return { path: separator === 'jsonl' ? 'runs.jsonl' : separator === '\t' ? 'runs.tsv' : 'runs.csv', text: header + rowsOf(count, row) + '\n' };
  });

/** A loss log for `stop`: steps or tokens, losses that fall, jump or are not numbers. */
const LOSS_LOG = fc
  .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('csv', 'jsonl'), fc.option(absurdNumber), injection)
  .map(([count, format, absurd, hostile]) => {
    const loss = (i: number) => (i === 7 && absurd ? absurd : String(2 + 3 / Math.sqrt(i + 1)));
    if (format === 'jsonl')
      return {
        path: 'loss.jsonl',
        text: rowsOf(count, (i) => JSON.stringify({ _step: i * 100, 'train/loss': loss(i), note: i === 3 ? hostile : undefined })) + '\n',
      };
    return { path: 'loss.csv', text: `step,tokens,loss\n${rowsOf(count, (i) => `${i * 100},${i * 4e8},${loss(i)}`)}\n` };
  });

/** An evals file for `boundary`: models, compute, task names (hostile ones too), scores. */
const EVALS = fc.tuple(fc.integer({ min: 0, max: 24 }), injection, fc.option(absurdNumber)).map(([count, hostile, absurd]) => ({
  path: 'evals.csv',
  text: `model,compute,task,score\n${rowsOf(count, (i) => {
    const task = i % 5 === 1 ? JSON.stringify(hostile) : ['mmlu', 'gsm8k'][i % 2];
    const model = i === 3 ? JSON.stringify(hostile) : `m${i}`;
    return `${model},${i === 4 && absurd ? absurd : 10 ** (18 + (i % 8))},${task},${Math.min(0.99, 0.2 + (i % 8) * 0.09)}`;
  })}\n`,
}));

/** A launch script: `case` patterns, long arrays, arithmetic. */
const LAUNCH = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((stars) => ({
    path: 'launch.sh',
    text: `MODEL=${'a'.repeat(stars * 2)}\ncase "$MODEL" in\n  ${'*a'.repeat(stars)}*b) HIDDEN=4096 ;;\n  *) HIDDEN=2048 ;;\nesac\ntorchrun train.py --hidden-size $HIDDEN --num-layers 32\n`,
  })),
  fc.integer({ min: 10, max: 2_000 }).map((values) => ({
    path: 'launch.sh',
    text: `SIZES=(${Array.from({ length: values }, (_, i) => i).join(' ')})\npython train.py --hidden-size 4096 --num-layers 32 --seq-length 2048 --micro-batch-size \${SIZES[@]}\n`,
  })),
);

const HOSTILE_FLAG = fc.oneof(absurdNumber, injection);

/** Every command with its options; `@CASE` is the case's folder. */
function argvFor(kind: string, files: readonly File[], pick: number, hostile: string, absurd: string, format: string): string[] {
  const named = files.length ? files[pick % files.length]!.path : 'config.yaml';
  const at = (file: string) => `@CASE/${file}`;
  switch (kind) {
    case 'analyze': {
      const more = files
        .filter((file) => !file.path.endsWith('.csv'))
        .slice(0, 3)
        .map((file) => at(file.path));
      const fact = pick % 3 === 0 ? ['--fact', `gpus=${absurd}`] : pick % 3 === 1 ? ['--fact', `model=${hostile}`] : [];
      return [
        'analyze',
        ...(more.length ? more : [at(named)]),
        '--format',
        format,
        '--root',
        '@CASE',
        ...fact,
        ...(pick % 5 === 0 ? ['--fail-on', 'warning'] : []),
      ];
    }
    case 'statement':
      return ['statement', at(named), '--format', pick % 2 ? 'md' : 'json', '--root', '@CASE', ...(pick % 4 === 0 ? ['--fact', `gpus=${absurd}`] : [])];
    case 'plan':
      return [
        ['plan', '--flops', absurd],
        ['plan', '--gpu', pick % 2 ? 'H100' : hostile, '--count', absurd, '--days', '30'],
        ['plan', '--flops', '1e24', '--target', `${['multiple', 'parameters', 'inference'][pick % 3]}:${absurd}`, '--json'],
        ['plan', '--flops', '5.76e23', '--mfu', absurd, '--price-per-hour', absurd, '--gpu', 'A100', '--count', '64'],
      ][pick % 4]!;
    case 'fit':
      return [
        'fit',
        at(files.find((file) => /runs/.test(file.path))?.path ?? named),
        '--bootstrap',
        String(pick % 2),
        '--root',
        '@CASE',
        ...(pick % 3 === 0 ? ['--compute', absurd] : []),
        ...(pick % 2 ? ['--json'] : []),
      ];
    case 'stop':
      return [
        'stop',
        at(files.find((file) => /loss/.test(file.path))?.path ?? named),
        ...(pick % 3 === 0 ? ['--config', at('config.yaml')] : []),
        ...(pick % 3 === 1 ? ['--tokens-per-step', absurd] : []),
        ...(pick % 2 ? ['--json'] : []),
        '--root',
        '@CASE',
      ];
    default:
      return [
        'boundary',
        at(files.find((file) => /evals/.test(file.path))?.path ?? named),
        ...(pick % 3 === 0 ? ['--task', hostile] : []),
        ...(pick % 3 === 1 ? ['--compute', absurd] : []),
        ...(pick % 2 ? ['--json'] : []),
        '--root',
        '@CASE',
      ];
  }
}

/**
 * Any run of the command line: a small repository (configs from the corpus, mutated or generated;
 * chained files; facts files; lab inputs; links in and out; hostile names), one command over it.
 */
export function cliCase(corpus: readonly CorpusFile[]): fc.Arbitrary<CliCase> {
  // At most 60 KB: the engine's own fuzz (test/fuzz/run.ts) takes the 400 KB bombs; here they would only spend the budget.
  const config = fc.tuple(anyInput(corpus), NAME).map(([input, name]) => [{ path: name, text: input.text.slice(0, 60_000) }]);
  const facts = fc
    .tuple(FACTS_TEXT, fc.constantFrom('.compute-budget.yaml', 'configs/.compute-budget.yaml', 'a/.compute-budget.yaml'))
    .map(([text, path]) => [{ path, text }]);
  return fc
    .record({
      kind: fc.constantFrom('analyze', 'analyze', 'analyze', 'analyze', 'analyze', 'statement', 'statement', 'plan', 'plan', 'fit', 'stop', 'boundary'),
      configs: fc.oneof({ weight: 3, arbitrary: config }, { weight: 2, arbitrary: CHAINED }, { weight: 1, arbitrary: LAUNCH.map((file) => [file]) }),
      facts: fc.oneof({ weight: 2, arbitrary: fc.constant([] as File[]) }, { weight: 1, arbitrary: facts }),
      git: fc.boolean(),
      links: LINKS,
      lab: fc.tuple(RUNS, LOSS_LOG, EVALS).map((files) => [...files]),
      pick: fc.nat(),
      hostile: HOSTILE_FLAG,
      absurd: absurdNumber,
      format: fc.constantFrom('table', 'json', 'sarif', 'github'),
      relative: fc.boolean(),
    })
    .map((c) => {
      const lab = c.kind === 'fit' || c.kind === 'stop' || c.kind === 'boundary' ? c.lab : [];
      const files: File[] = [...c.configs, ...c.facts, ...lab, ...(c.git ? [{ path: '.git/HEAD', text: 'ref: refs/heads/main\n' }] : [])];
      const named = c.kind === 'analyze' || c.kind === 'statement' ? c.configs : lab;
      const argv = argvFor(c.kind, named, c.pick, c.hostile, c.absurd, c.format);
      return { files, links: c.links, argv, relative: c.relative };
    });
}
