import type { ConfigNode } from '../source/tree';
import type { ConfigView } from '../source/view';
import { axolotl } from './axolotl/axolotl';
import type { Syntax } from '../source/syntax';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, type FrameworkModule } from './format';
import { deepspeed } from './deepspeed/deepspeed';
import { generic } from './generic/generic';
import { gptNeox } from './gptNeox/gptNeox';
import { hfTrainer } from './hfTrainer/hfTrainer';
import { huggingface } from './huggingface/huggingface';
import { launchFlags } from './launchFlags/launchFlags';
import { levanter } from './levanter/levanter';
import { lingua } from './lingua/lingua';
import { litgpt } from './litgpt/litgpt';
import { llmFoundry } from './llmFoundry/llmFoundry';
import { maxtext } from './maxtext/maxtext';
import { megatronArgs } from './megatronArgs/megatronArgs';
import { megatronLm } from './megatronLm/megatronLm';
import { nanogpt } from './nanogpt/nanogpt';
import { nanotron } from './nanotron/nanotron';
import { nemo } from './nemo/nemo';
import { olmo } from './olmo/olmo';
import { peftAdapter } from './peftAdapter/peftAdapter';
import { picotron } from './picotron/picotron';
import { plain } from './plain/plain';
import { primeRl } from './primeRl/primeRl';
import { torchtitan } from './torchtitan/torchtitan';
import { torchtune } from './torchtune/torchtune';
import { trlScript } from './trlScript/trlScript';

/** Every framework the engine reads. On equal scores the earlier one wins. */
export const FRAMEWORKS: readonly FrameworkModule[] = [
  axolotl,
  peftAdapter,
  hfTrainer,
  trlScript,
  litgpt,
  gptNeox,
  huggingface,
  levanter,
  nemo,
  olmo,
  llmFoundry,
  maxtext,
  nanotron,
  nanogpt,
  lingua,
  picotron,
  primeRl,
  torchtune,
  torchtitan,
  plain,
  megatronLm,
  megatronArgs,
  launchFlags,
  deepspeed,
  generic,
];

/** A file no framework recognises: only a budget file's common keys are read from it. */
export const UNKNOWN: FrameworkModule = {
  id: 'unknown',
  name: 'unrecognised',
  syntaxes: [],
  detect: () => 0,
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

/** Scores every framework that writes this syntax and takes the most certain. */
export function detectFramework(root: ConfigNode | undefined, view: ConfigView, syntax: Syntax): FrameworkModule {
  if (!root || root.kind !== 'map') return UNKNOWN;
  let best = UNKNOWN;
  let bestScore = 0;
  for (const candidate of FRAMEWORKS) {
    if (!candidate.syntaxes.includes(syntax)) continue;
    const score = candidate.detect(root, view);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export function frameworkById(id: string): FrameworkModule | undefined {
  return FRAMEWORKS.find((candidate) => candidate.id === id);
}
