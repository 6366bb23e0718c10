import { assemble } from '../../architecture/assemble';
import { countParameters } from '../../architecture/parameters';
import { readHuggingFace } from '../../formats/huggingface/modelReader';
import { findModel } from '../../catalog/models';
import { treeFromObject } from '../../source/objectTree';
import { ConfigView } from '../../source/view';
import type { AdapterCount, AdapterSettings } from '../adapters';
import type { TrainerArgs } from './trainerArgs';
import { trainerCompute, type TrainerCompute } from './trainerCompute';
import type { TrainerType } from './trainerType';

/** What trains in a fine-tune. GaLore trains every weight (its projection saves memory, not FLOP). */
export type FineTuneMethod = 'full' | 'lora' | 'qlora' | 'dora' | 'rslora' | 'galore' | 'freeze';

export interface FineTuneReading {
  readonly trainer: TrainerType;
  readonly because: string;
  readonly method: FineTuneMethod;
  /** Undefined without the model's size. */
  readonly compute?: TrainerCompute;
}

/**
 * The trainer and method of a run that starts from pretrained weights, and its compute per token.
 * A recipe that names no trainer is supervised fine-tuning, the Trainer's plain loss.
 */
export function fineTuneCompute(
  args: TrainerArgs,
  settings: AdapterSettings | undefined,
  adapter: AdapterCount | null,
  active: number | null,
): FineTuneReading {
  const trainer = args.trainer?.type ?? 'sft';
  const because = args.trainer?.because ?? 'no preference, RL or distillation key: supervised fine-tuning';
  const method: FineTuneMethod = settings ? (settings.variant ?? settings.kind) : (args.method ?? 'full');
  // An adapter whose config is not read: its trainable parameters, so the compute, are unknown.
  if (settings?.needs && active !== null)
    return { trainer, because, method, compute: { trainer, perToken: null, terms: [], formula: '4·N + 2·N_trainable', notes: [], needs: settings.needs } };
  if (active === null || (settings && !adapter)) return { trainer, because, method };
  const teacherParameters = args.teacherModel ? catalogActiveParameters(args.teacherModel) : undefined;
  const compute = trainerCompute(
    trainer,
    {
      parameters: active,
      trainable: adapter ? adapter.trainable : active,
      adapter: !!adapter,
      quantised: settings?.kind === 'qlora',
      teacher: teacherParameters,
    },
    args,
  );
  const notes = [...compute.notes];
  if (method === 'freeze') notes.push('freeze tuning trains only some layers: counted as a full fine-tune, an upper bound');
  if (method === 'galore') notes.push('GaLore projects gradients to save memory; every weight still trains, so 6·N per token');
  return { trainer, because, method, compute: { ...compute, notes } };
}

/** Active parameters of a catalog model (a distillation teacher), counted from its published config. */
function catalogActiveParameters(name: string): number | undefined {
  const model = findModel(name);
  if (!model) return undefined;
  const draft = readHuggingFace(new ConfigView(treeFromObject(model.config)));
  const assembled = draft ? assemble(draft) : undefined;
  return assembled?.ok ? countParameters(assembled.architecture).active : undefined;
}
