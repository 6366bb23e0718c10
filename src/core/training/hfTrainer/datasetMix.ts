import type { ConfigNode } from '../../source/tree';
import { printable, type ConfigView, type Located } from '../../source/view';

/** One dataset of a recipe's mix: all of it, a share of it, or a number of its samples. */
export interface DatasetPart {
  readonly name: string;
  /** Share of the dataset taken (1 = all of it; above 1 repeats it). */
  readonly fraction?: number;
  readonly samples?: number;
}

/** The samples a recipe trains on per epoch, when it bounds them. */
export interface MixSamples {
  readonly value: number;
  /** How: "61,814 + 1,618 + … samples (dataset_mixer)", "1,000 per dataset × 2 datasets (max_samples)". */
  readonly how: string;
}

export interface DatasetMix {
  readonly key: Located;
  readonly parts: readonly DatasetPart[];
  /** Undefined when a part is a share of a dataset whose size the file does not hold. */
  readonly samples?: MixSamples;
}

const fmt = (value: number) => value.toLocaleString('en-US');

/**
 * The datasets a recipe mixes, and how many samples that makes when the file says:
 * - alignment-handbook and early open-instruct `dataset_mixer` (name: fraction, or a count above 1);
 * - open-instruct `dataset_mixer_list` / `mixer_list` (name, then a fraction written with a `.` or a
 *   count: allenai/open-instruct@29e5ad10525ff5df6c161520aa973be5f695359c:open_instruct/dataset_transformation.py),
 *   capped in all by `max_train_samples`;
 * - LLaMA-Factory `dataset: a,b` with `max_samples`, which truncates each dataset to at most that many
 *   (hiyouga/LLaMA-Factory@dda34b5f25ef4b4fcc67ea1df80d8fef8635286d:src/llamafactory/data/loader.py);
 * - TRL's `dataset_name`.
 * A count is at most what trains: samples longer than the limit may be dropped, and a dataset may be smaller than its cap.
 */
export function readDatasetMix(view: ConfigView): DatasetMix | undefined {
  const key = view.find(['dataset_mixer', 'dataset_mixer_list', 'mixer_list', 'dataset', 'dataset_name']);
  const node = key?.entry.value;
  if (!key || !node) return undefined;
  let parts: DatasetPart[];
  // Only a mixer maps names to amounts: another key's map (`dataset: {path: …}`) is a dataset's own settings.
  if (node.kind === 'map') parts = key.entry.key === 'dataset_mixer' ? node.entries.map((entry) => part(entry.key, written(entry.value))) : [];
  else {
    const words = node.kind === 'seq' ? node.items.map(written) : (written(node) ?? '').split(/[,\s]+/);
    const listed = words.filter((word): word is string => !!word);
    // A mixer list alternates names and amounts; LLaMA-Factory's `dataset` and TRL's `dataset_name` only name.
    const paired = /mixer_list$/.test(key.entry.key);
    parts = paired ? pairs(listed) : listed.map((name) => ({ name: printable(name, 80), fraction: 1 }));
  }
  if (parts.length === 0 || parts.some((item) => !item.name)) return undefined;
  return { key, parts, samples: samplesOf(view, parts, key.entry.key) };
}

/** "all of a", "61,814 samples of b", "50% of c", and how many more. */
export function describeMix(mix: DatasetMix): string {
  const told = mix.parts
    .slice(0, 3)
    .map((item) =>
      item.samples !== undefined
        ? `${fmt(item.samples)} samples of ${item.name}`
        : item.fraction === undefined
          ? item.name
          : item.fraction === 1
            ? `all of ${item.name}`
            : `${Math.round(item.fraction * 1000) / 10}% of ${item.name}`,
    );
  const more = mix.parts.length - told.length;
  return `${told.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function samplesOf(view: ConfigView, parts: readonly DatasetPart[], key: string): MixSamples | undefined {
  const perDataset = view.count(view.find(['max_samples']), 'a number of samples', { integer: true, positive: true });
  const total = view.count(view.find(['max_train_samples']), 'a number of samples', { integer: true, positive: true });
  let samples: MixSamples | undefined;
  if (parts.every((item) => item.samples !== undefined)) {
    const sum = parts.reduce((all, item) => all + item.samples!, 0);
    samples = { value: sum, how: `${parts.length > 1 ? `${parts.map((item) => fmt(item.samples!)).join(' + ')} = ` : ''}${fmt(sum)} samples (${key})` };
  } else if (perDataset) {
    samples = {
      value: perDataset.value * parts.length,
      how: `${fmt(perDataset.value)} per dataset${parts.length > 1 ? ` × ${parts.length} datasets` : ''} (max_samples)`,
    };
  }
  if (total && (!samples || total.value < samples.value)) samples = { value: total.value, how: `${fmt(total.value)} samples (max_train_samples)` };
  return samples;
}

function pairs(words: readonly string[]): DatasetPart[] {
  const parts: DatasetPart[] = [];
  for (let at = 0; at + 1 < words.length; at += 2) parts.push(part(words[at], words[at + 1]));
  return words.length % 2 === 0 ? parts : [];
}

/** An amount with a `.` (or at most 1) is a share; a whole number above 1 is a count of samples. */
function part(name: string, amount: string | undefined): DatasetPart {
  const value = amount !== undefined ? Number(amount.trim()) : NaN;
  const shown = printable(name, 80);
  if (!Number.isFinite(value) || value <= 0) return { name: shown };
  if (amount!.includes('.') || value <= 1) return { name: shown, fraction: value };
  return { name: shown, samples: Math.round(value) };
}

function written(node: ConfigNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  return node.source ?? String(node.value);
}
