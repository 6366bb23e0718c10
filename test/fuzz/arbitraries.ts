import fc from 'fast-check';
import type { AnalyzeOptions } from '../../src/core/analyze';
import type { CorpusFile } from './corpus';

/** Numbers no real run has, in the spellings configs use. */
export const absurdNumber = fc.constantFrom(
  '0',
  '-0',
  '-1',
  '-2e12T',
  '-63900ba',
  '-1ep',
  '1e-300',
  '1e300',
  '1e400',
  '-1e400',
  '9007199254740993',
  '1e30',
  '1.0000001e30',
  '0.5',
  '3.7',
  'NaN',
  '.nan',
  'Infinity',
  '-.inf',
  '.inf',
  '0x7fffffff',
  '0o777',
  '1_000_000_000_000_000',
  '70B',
  '1.4T',
  '1e-5',
  '2e12T',
  '63900ba',
  '1ep',
  '1e999ba',
  '0ba',
  '0T',
  '1e15P',
  'true',
  'null',
  '~',
  '""',
  '[]',
  '{}',
  '???',
  '${oc.env:HOME}',
  '${a.b.c}',
  '${multiply:1e300,1e300}',
);

/** Text an attacker or a broken tool might put in a config value or key. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '\u001b[2J\u001b[H',
    '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
    '\u009b31m',
    '\u202eevil\u202c',
    '\r',
    'a\rb',
    '\u0000',
    '\u2028',
    '<script>alert(1)</script>',
    '[link](command:workbench.action.terminal.new)',
    'https://evil.example/x',
    '__proto__',
    'constructor',
    'prototype',
    '${oc.env:SECRET}',
    '${a}',
    '???',
    '&a',
    '*a',
    '!include x.yaml',
    "'unterminated",
    '"unterminated',
    '# compute-budget: gpus=1e400 tokens=-1',
    '$(rm -rf /)',
    '`id`',
    '${X:-${X:-${X}}}',
    'A'.repeat(10_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const VALUE = fc.oneof(absurdNumber, hostileString, fc.integer({ min: 1, max: 1 << 20 }).map(String), fc.double({ noNaN: false }).map(String));

/** Key names the readers look for, so structured inputs reach deep into every reader. */
const KEYS = [
  'model_type',
  'architectures',
  'hidden_size',
  'num_hidden_layers',
  'num_attention_heads',
  'num_key_value_heads',
  'intermediate_size',
  'vocab_size',
  'head_dim',
  'tie_word_embeddings',
  'num_local_experts',
  'num_experts_per_tok',
  'n_routed_experts',
  'moe_intermediate_size',
  'first_k_dense_replace',
  'kv_lora_rank',
  'q_lora_rank',
  'n_embd',
  'n_layer',
  'n_head',
  'd_model',
  'n_layers',
  'n_heads',
  'mlp_hidden_size',
  'mlp_ratio',
  'expansion_ratio',
  'embedding_size',
  'hidden_dim',
  'num_layers',
  'num_heads',
  'num-layers',
  'hidden-size',
  'num-attention-heads',
  'seq-length',
  'train-iters',
  'ffn_hidden_size',
  'num_query_groups',
  'kv_channels',
  'padded_vocab_size',
  'tokens',
  'parameters',
  'params',
  'active_parameters',
  'max_duration',
  'max_steps',
  'train_iters',
  'num_train_steps',
  'steps',
  'global_batch_size',
  'train_batch_size',
  'micro_batch_size',
  'gradient_accumulation_steps',
  'seq_len',
  'max_seq_len',
  'sequence_len',
  'encoder_seq_length',
  'num_epochs',
  'epochs',
  'base_model',
  'model_name',
  'architecture',
  'tokenizer',
  'vocab_file',
  'tensor_model_parallel_size',
  'pipeline_model_parallel_size',
  'num_nodes',
  'devices',
  'accelerator',
  'gpus',
  'hours',
  'days',
  'mfu',
  'base_config',
  'flavor',
  'name',
  'val_set_size',
  'max_tokens',
];
const SECTIONS = ['', 'model', 'trainer', 'train', 'training', 'tokens', 'parallelism', 'model_config', 'data', 'optimizer', 'variables'];

/** A YAML, JSON or TOML config assembled from the keys the readers know, with sane, absurd and hostile values. */
export const structuredConfig = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...SECTIONS), fc.constantFrom(...KEYS), VALUE), { minLength: 1, maxLength: 24 }),
    fc.constantFrom('yaml', 'json', 'toml'),
  )
  .map(([entries, syntax]) => {
    const tree: Record<string, Record<string, string> | string> = {};
    for (const [section, key, value] of entries) {
      if (!section) tree[key] = value;
      else {
        const inner = typeof tree[section] === 'object' ? (tree[section] as Record<string, string>) : (tree[section] = {});
        inner[key] = value;
      }
    }
    if (syntax === 'json') return { name: 'config.json', text: JSON.stringify(tree, null, 2).replace(/"(-?(?:\d[\d.e+-]*|Infinity|NaN))"/g, '$1') };
    if (syntax === 'toml') {
      // Values as TOML writes them: numbers bare, anything else a basic string (JSON escapes are TOML's).
      const toml = (key: string, value: string) => `${JSON.stringify(key)} = ${/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? value : JSON.stringify(value)}`;
      const top = Object.entries(tree)
        .filter(([, value]) => typeof value === 'string')
        .map(([key, value]) => toml(key, value as string));
      const tables = Object.entries(tree)
        .filter(([, value]) => typeof value === 'object')
        .map(
          ([key, value]) =>
            `[${JSON.stringify(key)}]\n${Object.entries(value)
              .map(([k, v]) => toml(k, v))
              .join('\n')}`,
        );
      return { name: 'train.toml', text: [...top, ...tables].join('\n') };
    }
    const line = (key: string, value: string) => `${JSON.stringify(key)}: ${/^[\w.+-]+$/.test(value) ? value : JSON.stringify(value)}`;
    const text = Object.entries(tree)
      .map(([key, value]) =>
        typeof value === 'string'
          ? line(key, value)
          : `${key}:\n${Object.entries(value)
              .map(([k, v]) => `  ${line(k, v)}`)
              .join('\n')}`,
      )
      .join('\n');
    return { name: 'config.yaml', text };
  });

/** Texts built to make a naive reader run away: aliases, merges, nesting, interpolation, size. */
export const bomb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([levels, width]) => {
    const lines = ['a0: &a0 [lol]'];
    for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\nhidden_size: *a${levels}\n`;
  }),
  fc.tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 40 })).map(([levels, siblings]) => {
    const lines = ['m0: &m0 {k: 1}'];
    for (let i = 1; i <= levels; i++)
      lines.push(`m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], ${Array.from({ length: siblings }, (_, j) => `s${i}_${j}: ${j}`).join(', ')}}`);
    return lines.join('\n');
  }),
  fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.constantFrom('[', '{', '- ', '? ', '{a: ')).map(([depth, opener]) => opener.repeat(depth) + '1'),
  fc
    .integer({ min: 1, max: 64 })
    .map(
      (depth) => Array.from({ length: depth }, (_, i) => `k${i}: \${k${i + 1}}\${k${i + 1}}`).join('\n') + `\nk${depth}: x\nmodel:\n  hidden_size: \${k0}\n`,
    ),
  fc.integer({ min: 1, max: 30 }).map((depth) => {
    let key = 'a';
    for (let i = 0; i < depth; i++) key = `{${key}: 1}`;
    return `${key}: 1\n`;
  }),
  fc.integer({ min: 1_000, max: 60_000 }).map((keys) => Array.from({ length: keys }, (_, i) => `k${i}: ${i}`).join('\n')),
);

/** A real config with a few random edits: the inputs a user mid-edit produces. */
export function mutatedConfig(corpus: readonly CorpusFile[]) {
  const mutation = fc.oneof(
    fc.tuple(fc.constant('number' as const), fc.nat(), absurdNumber),
    fc.tuple(fc.constant('value' as const), fc.nat(), hostileString),
    fc.tuple(fc.constant('delete-line' as const), fc.nat(), fc.constant('')),
    fc.tuple(fc.constant('duplicate-line' as const), fc.nat(), fc.constant('')),
    fc.tuple(fc.constant('insert' as const), fc.nat(), hostileString),
    fc.tuple(fc.constant('truncate' as const), fc.nat(), fc.constant('')),
    fc.tuple(fc.constant('indent' as const), fc.nat(), fc.constantFrom(' ', '\t', '    ', '')),
  );
  return fc.tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([file, mutations]) => {
    let text = file.text;
    for (const [kind, at, payload] of mutations) text = mutate(text, kind, at, payload);
    return { name: file.name, text };
  });
}

function mutate(text: string, kind: string, at: number, payload: string): string {
  const lines = text.split('\n');
  const line = lines.length ? at % lines.length : 0;
  switch (kind) {
    case 'number': {
      const numbers = [...text.matchAll(/-?\d[\d_.eE+-]*[A-Za-z]*/g)];
      if (!numbers.length) return text;
      const match = numbers[at % numbers.length];
      return text.slice(0, match.index) + payload + text.slice(match.index! + match[0].length);
    }
    case 'value': {
      const values = [...text.matchAll(/(?<=[:=]\s*)[^\s,}\]]+/g)];
      if (!values.length) return text;
      const match = values[at % values.length];
      return text.slice(0, match.index) + payload + text.slice(match.index! + match[0].length);
    }
    case 'delete-line':
      return lines.filter((_, i) => i !== line).join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), lines[line] ?? '', ...lines.slice(line + 1)].join('\n');
    case 'insert': {
      const offset = text.length ? at % text.length : 0;
      return text.slice(0, offset) + payload + text.slice(offset);
    }
    case 'truncate':
      return text.slice(0, text.length ? at % text.length : 0);
    default:
      return lines.map((content, i) => (i === line ? payload + content : content)).join('\n');
  }
}

/** Any shape a settings.json or a CLI flag might hand the engine. */
export const options: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    facts: fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom('gpus', 'tokens', 'parameters', 'dataset_tokens', 'data_parallel', 'vocab', 'active_parameters', '__proto__', 'constructor'),
        fc.oneof(absurdNumber, fc.double()),
      ),
    ),
    tokensPerParameter: fc.oneof(fc.double(), fc.anything()),
    thresholdIds: fc.oneof(fc.anything(), fc.array(fc.string())),
    extraKeys: fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...KEYS, '__proto__', 'constructor'), fc.oneof(fc.array(fc.string()), fc.anything()))),
    accelerators: fc.anything(),
    alwaysReport: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<AnalyzeOptions>;

export const fileName = fc.constantFrom(
  'config.yaml',
  'config.yml',
  'config.json',
  'compute-budget.yaml',
  'run.budget.yaml',
  'train.toml',
  'pretrain.sh',
  'untitled',
  'x.jsonc',
);

/** Every kind of input, weighted towards the realistic ones. */
export function anyInput(corpus: readonly CorpusFile[]) {
  return fc.oneof(
    { weight: 5, arbitrary: mutatedConfig(corpus).map((file) => ({ ...file, options: {} as AnalyzeOptions })) },
    { weight: 3, arbitrary: structuredConfig.map((file) => ({ ...file, options: {} as AnalyzeOptions })) },
    { weight: 1, arbitrary: fc.tuple(bomb, fileName).map(([text, name]) => ({ name, text, options: {} as AnalyzeOptions })) },
    { weight: 1, arbitrary: fc.tuple(mutatedConfig(corpus), options).map(([file, settings]) => ({ ...file, options: settings })) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 400 }), fileName).map(([text, name]) => ({ name, text, options: {} as AnalyzeOptions })),
    },
  );
}
