/**
 * Whether a file no reader recognised still looks like it describes a training run or a model, by
 * the names of what it sets (a key or a flag, `-` and `_` alike): a model shape, a model named
 * together with a run length, or a Hugging Face Trainer flag. Such a file is never left silent
 * (training/neverSilent.ts); a file with none of these signs (a CI workflow, a compose file) is.
 */

/** A width or depth set to a number. */
const SHAPE =
  /(?:^|[\s"'{,(-])(hidden[_-]size|d[_-]model|n[_-]embd|hidden[_-]dim|emb[_-]dim|embed[_-]dim|model[_-]dim|num[_-]layers|n[_-]layers?|num[_-]hidden[_-]layers|num[_-]decoder[_-]layers)["']?[ \t]*[:= \t][ \t]*["']?\d/gim;
/** The same names as a config's keys, whatever their value (`hidden_size: ${model.width}`), and `dim: 4096`. */
const SHAPE_KEY =
  /^[ \t]*-?[ \t]*["']?(hidden_size|d_model|n_embd|hidden_dim|emb_dim|embed_dim|model_dim|num_layers|n_layers|n_layer|num_hidden_layers|num_decoder_layers|base_num_decoder_layers)["']?[ \t]*[:=]|^[ \t]*["']?(dim)["']?[ \t]*[:=][ \t]*\d/gim;
/** Megatron's model and length flags, also when a script keeps them in variables. */
const MEGATRON_FLAG = /--((?:num-layers|hidden-size|train-iters|train-samples|global-batch-size)[\w-]*)/g;
/** A model named by a Hub id, a path or a name. */
const MODEL =
  /(?:^|[\s"'{,(-])(model[_-]name[_-]or[_-]path|pretrained[_-]model[_-]name[_-]or[_-]path|base[_-]model|model[_-]name|model[_-]id|model[_-]path|bert[_-]model|actor[_-]model[_-]name[_-]or[_-]path|model)["']?[ \t]*[:= \t][ \t]*["']?[\w$~./{-]/gim;
/** How long the run is: steps, epochs, episodes. */
const LENGTH_KEY =
  /^[ \t]*["']?(max_steps|train_iters|total_steps|steps|max_duration|num_train_epochs|train_steps|num_train_steps|max_train_steps|epochs)["']?[ \t]*[:=]/gim;
const LENGTH =
  /(?:^|[\s"'{,(-])(max[_-]steps|train[_-]iters|total[_-]steps|train[_-]steps|num[_-]train[_-]steps|max[_-]iters|num[_-]train[_-]epochs|num[_-]epochs|max[_-]epochs|epochs|total[_-]episodes|train[_-]samples)["']?[ \t]*[:= \t][ \t]*["']?\d/gim;
/** Flags only the Hugging Face Trainer's argument parser defines: a launch line of a fine-tuning script. */
const TRAINER_FLAG = /--(model_name_or_path|per_device_train_batch_size|num_train_epochs|max_steps)\b/g;

/** Text read for signs: a config's first 200 KB, comments left out. */
const READ = 200_000;

export interface TrainingSigns {
  /** Names of the keys or flags found, in the order of the checks (shape, model, length, Trainer flags). */
  readonly found: readonly string[];
  readonly shape: boolean;
  readonly model: boolean;
  readonly length: boolean;
}

function names(text: string, pattern: RegExp): string[] {
  return [...new Set([...text.matchAll(pattern)].map((match) => (match[1] ?? match[2]).toLowerCase().replace(/-/g, '_')))];
}

/** The signs in the text, or undefined when it does not look like a training or model config. */
export function trainingSigns(text: string): TrainingSigns | undefined {
  const read = text.slice(0, READ).replace(/^[ \t]*#.*$/gm, '');
  // `dim: 768` alone is as often a vision model's width: it counts beside a named model only.
  const widths = names(read, SHAPE_KEY);
  const model = names(read, MODEL);
  const shape = [...names(read, SHAPE), ...widths.filter((name) => name !== 'dim' || model.length > 0), ...names(read, MEGATRON_FLAG)];
  const length = [...names(read, LENGTH), ...names(read, LENGTH_KEY)];
  const trainer = names(read, TRAINER_FLAG);
  const looks = shape.length > 0 || (model.length > 0 && length.length > 0) || trainer.length > 0;
  if (!looks) return undefined;
  return { found: [...new Set([...shape, ...model, ...length, ...trainer])], shape: shape.length > 0, model: model.length > 0, length: length.length > 0 };
}
