/**
 * Well-known models, so a config that only names its model (LitGPT's `model_name`, Axolotl's
 * `base_model`, a plain `architecture:`) still resolves offline. Architectures are the models'
 * published Hugging Face configs; training tokens are the papers' or model cards' figures.
 */
import { CLASSIC_MODELS } from './classic';
import { COMMUNITY_MODELS } from './community';
import { FALCON_MODELS } from './falcon';
import { DEEPSEEK_MODELS } from './deepseek';
import { GEMMA_MODELS } from './gemma';
import { identify, type Identified } from './identity';
import { LLAMA_MODELS } from './llama';
import { MISTRAL_MODELS } from './mistral';
import { PHI_MODELS } from './phi';
import { QWEN_MODELS } from './qwen';
import { QWEN_CODE_MODELS } from './qwenCode';
import { SMALL_MODELS } from './small';
import type { CatalogModel } from './catalogModel';
import { STABLELM_MODELS } from './stablelm';

export type { CatalogModel };

export const BUILT_IN_CATALOG = 'built-in catalog';

/** Where a named model's architecture came from: the host's source, or this catalog. */
export function modelSource(model: CatalogModel): string {
  return model.source ?? BUILT_IN_CATALOG;
}

export const MODELS: readonly CatalogModel[] = [
  ...LLAMA_MODELS,
  ...QWEN_MODELS,
  ...GEMMA_MODELS,
  ...MISTRAL_MODELS,
  ...PHI_MODELS,
  ...DEEPSEEK_MODELS,
  ...SMALL_MODELS,
  ...CLASSIC_MODELS,
  ...COMMUNITY_MODELS,
  ...QWEN_CODE_MODELS,
  ...FALCON_MODELS,
  ...STABLELM_MODELS,
];

function normalize(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^hf:\/\//, '')
    .replace(/[_\s]/g, '-');
}

const BY_NAME = new Map<string, CatalogModel>();
for (const model of MODELS) {
  for (const name of [model.id, ...model.aliases]) {
    BY_NAME.set(normalize(name), model);
    // `org/name` also by its bare name, as LitGPT and local checkpoints write it.
    const bare = name.split('/').pop();
    if (bare && !BY_NAME.has(normalize(bare))) BY_NAME.set(normalize(bare), model);
  }
}

/** The entry a name spells, as written or without its organisation. */
function exactModel(name: string): CatalogModel | undefined {
  const wanted = normalize(name);
  return BY_NAME.get(wanted) ?? BY_NAME.get(wanted.split('/').pop() ?? wanted);
}

/** The catalog model a name is, or is a same-shape copy of (see `identity.ts`), with how it was reached. */
export function identifyModel(name: string): Identified | undefined {
  return identify(name, exactModel);
}

export function findModel(name: string): CatalogModel | undefined {
  return identifyModel(name)?.model;
}
