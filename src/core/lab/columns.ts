/** Finding a quantity among the names people give its column, and reading it as a number. */
import { parseCount } from '../source/quantity';
import type { Cell } from './table';

/** Column names (normalised) each quantity is read from, first match wins. */
export const COLUMN_ALIASES = {
  parameters: ['parameters', 'params', 'n', 'n_params', 'num_params', 'param_count', 'model_size', 'non_embedding_params', 'nonembedding_params', 'size'],
  tokens: ['tokens', 'd', 'train_tokens', 'training_tokens', 'num_tokens', 'n_tokens', 'tokens_seen', 'consumed_tokens', 'train_num_tokens', 'data'],
  flops: ['flops', 'flop', 'compute', 'c', 'training_flops', 'train_flops'],
  loss: ['loss', 'final_loss', 'val_loss', 'eval_loss', 'validation_loss', 'valid_loss', 'train_loss', 'lm_loss', 'test_loss', 'value', 'l'],
  run: ['run', 'run_id', 'id', 'name', 'model', 'run_name'],
  step: ['step', 'global_step', 'trainer_global_step', 'iteration', 'iter'],
  config: ['config', 'config_path', 'config_file'],
  score: ['score', 'accuracy', 'acc', 'value', 'metric', 'result'],
  task: ['task', 'benchmark', 'eval', 'dataset'],
} as const;

export type Quantity = keyof typeof COLUMN_ALIASES;

/** The first of `quantity`'s names that `columns` holds. */
export function findColumn(columns: readonly string[], quantity: Quantity, exclude: readonly (string | undefined)[] = []): string | undefined {
  return (COLUMN_ALIASES[quantity] as readonly string[]).find((name) => columns.includes(name) && !exclude.includes(name));
}

export type NumberCell = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly why: string } | undefined;

/**
 * A decimal as `Number` reads it (`2.31`, `-4`, `.5`, `3e12`), or undefined for anything else:
 * what almost every cell of a long log is, read without `parseCount`'s suffix and separator
 * regexes. Only a finite value is returned, and only from text that starts like a decimal and
 * has no radix prefix (`0x`, `0b`, `0o`), so it is the value `parseCount` gives the same text.
 */
export function plainNumber(text: string): number | undefined {
  const head = text.charCodeAt(0);
  if (!((head >= 48 && head <= 57) || head === 45 || head === 43 || head === 46)) return undefined;
  const second = text.charCodeAt(1) | 32;
  if (second === 120 || second === 98 || second === 111) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A cell as a number (`70M`, `1.4T`, `3e12`, `1,024`); `undefined` when the cell is empty. */
export function numberCell(cell: Cell | undefined): NumberCell {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (typeof cell === 'boolean') return { ok: false, why: 'is true/false, not a number' };
  const plain = typeof cell === 'string' ? plainNumber(cell) : undefined;
  if (plain !== undefined) return { ok: true, value: plain };
  const parsed = parseCount(cell);
  if (!parsed.ok) return { ok: false, why: parsed.why === 'not-finite' ? 'is not a finite number' : `"${String(cell).slice(0, 40)}" is not a number` };
  return parsed;
}
