import { userFact } from '../../source/directives';
import { fact, type Fact } from '../../source/fact';
import { dotted, type ConfigView } from '../../source/view';
import type { TokenResult } from '../../training/tokens';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, type FrameworkModule, type ReadContext } from '../format';
import { readTrainerArgs } from '../../training/hfTrainer/trainerArgs';

const fmt = (value: number) => value.toLocaleString('en-US');

/** `train[:20%]`, `train[10%:30%]`: the share of a dataset a Hugging Face split slice keeps; undefined for row counts. */
export function splitShare(split: string): number | undefined {
  const slice = /\[\s*(-?\d+(?:\.\d+)?%)?\s*:\s*(-?\d+(?:\.\d+)?%)?\s*\]/.exec(split);
  if (!slice) return /^\s*[A-Za-z_]+\s*$/.test(split) ? 1 : undefined;
  const at = (text: string | undefined, fallback: number) => (text ? Math.min(100, Math.max(0, parseFloat(text))) / 100 : fallback);
  if ((slice[1] && !slice[1].endsWith('%')) || (slice[2] && !slice[2].endsWith('%'))) return undefined;
  return Math.max(0, at(slice[2], 1) - at(slice[1], 0));
}

/**
 * Epochs × dataset tokens × the share of the data trained on: a single dataset's `split` slice
 * (`train[:20%]`) and `val_set_size` (a fraction held out for evaluation). `max_steps`, when set,
 * overrides the epochs (transformers' Trainer) and goes through the generic steps reader:
 * micro_batch_size × gradient_accumulation_steps × data-parallel × sequence_len per step.
 */
function readAxolotlTokens(view: ConfigView, context: ReadContext): TokenResult | undefined {
  // `max_steps: -1` is the Trainer's "by epochs"; a positive limit goes through the generic steps reader.
  if (userFact(context.facts, 'tokens') || readTrainerArgs(view).maxSteps) return undefined;
  const epochKey = view.find(['num_epochs']);
  const epochs = view.count(epochKey, 'a number of epochs', { positive: true });
  const dataset = userFact(context.facts, 'dataset_tokens');
  if (!epochs || !epochKey || !dataset) return undefined;
  const datasetFact = fact(dataset.value, 'user', { span: dataset.span, note: 'compute-budget: dataset_tokens=' });
  const factors: Fact[] = [epochs, datasetFact];
  const steps: string[] = [`${fmt(epochs.value)} epochs × ${fmt(dataset.value)} dataset tokens`];
  let share = 1;
  const datasets = view.find(['datasets'])?.entry.value;
  if (datasets?.kind === 'seq' && datasets.items.length === 1) {
    const splitKey = view.find(['split'], { under: ['datasets'] });
    const split = view.text(splitKey);
    const kept = split !== undefined ? splitShare(split) : undefined;
    if (splitKey && kept !== undefined && kept < 1) {
      share *= kept;
      factors.push(fact(kept, 'config', { key: dotted(splitKey), span: splitKey.entry.keySpan }));
      steps.push(`${(kept * 100).toFixed(kept * 100 < 1 ? 2 : 0)}% (split ${split})`);
    }
  }
  const valKey = view.find(['val_set_size']);
  const val = view.count(valKey, 'a validation share', {});
  if (val && val.value > 0 && val.value < 1) {
    share *= 1 - val.value;
    factors.push(val);
    steps.push(`${fmt(1 - val.value)} (val_set_size ${val.value} held out)`);
  }
  return { tokens: fact(epochs.value * dataset.value * share, 'derived'), derivation: steps.join(' × '), factors, anchor: epochKey.entry.keySpan };
}

/** Axolotl YAML: fine-tunes a `base_model` named by its Hub id, for epochs over datasets or for max_steps. */
export const axolotl: FrameworkModule = {
  id: 'axolotl',
  name: 'Axolotl',
  syntaxes: ['yaml'],
  detect: (root) => (has(root, 'base_model') ? 8 : 0),
  // Axolotl's `tokens:` lists special tokens to add to the tokenizer; it is not a training length.
  training: { ...COMMON_TRAINING, direct: COMMON_TRAINING.direct.filter((key) => key !== 'tokens'), sequence: ['sequence_len', ...COMMON_TRAINING.sequence] },
  readTokens: readAxolotlTokens,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
  fineTunes: true,
};
