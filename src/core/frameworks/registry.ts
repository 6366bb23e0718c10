import type { ConfigNode } from '../source/tree';
import type { ConfigView } from '../source/view';
import { axolotl } from './axolotl';
import type { Syntax } from '../source/syntax';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, type FrameworkModule } from './framework';
import { gptNeox } from './gptNeox';
import { hfTrainer } from './hfTrainer';
import { huggingface } from './huggingface';
import { levanter } from './levanter';
import { litgpt } from './litgpt';
import { llmFoundry } from './llmFoundry';
import { maxtext } from './maxtext';
import { megatronLm } from './megatronLm';
import { nanotron } from './nanotron';
import { nemo } from './nemo';
import { olmo } from './olmo';
import { peftAdapter } from './peftAdapter';
import { plain } from './plain';
import { torchtitan } from './torchtitan';
import { torchtune } from './torchtune';

/** Every framework the engine reads. On equal scores the earlier one wins. */
export const FRAMEWORKS: readonly FrameworkModule[] = [
  axolotl,
  peftAdapter,
  hfTrainer,
  litgpt,
  gptNeox,
  huggingface,
  levanter,
  nemo,
  olmo,
  llmFoundry,
  maxtext,
  nanotron,
  torchtune,
  torchtitan,
  plain,
  megatronLm,
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
