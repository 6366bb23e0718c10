/**
 * Which catalog model a Hub id or a framework's name stands for, when it is not an entry itself:
 * a copy of a catalog model under another name. Each rule removes one part of the name that
 * does not change the architecture, so the copy has the base's shape and parameter count:
 * - an organisation mirror (`unsloth/`, `NousResearch/`, `PrimeIntellect/`): the bare name;
 * - a quantised copy (AWQ, GPTQ, bnb-4bit, GGUF, FP8, MLX, EXL2 ...): the weights are stored in
 *   fewer bits, the matrices keep their shapes;
 * - a converted copy (`-hf`, `-BF16`, `-fp16`): the same tensors in another format or dtype;
 * - a dated release (`-2507`, `-0924`): a re-release of the same model;
 * - an instruct, chat, base, SFT, DPO or thinking variant: a fine-tune keeps its base's shape.
 * A name that says the model was distilled, pruned or otherwise made smaller
 * (`DeepSeek-R1-Distill-Qwen-7B`, `Minitron`, `Sheared-LLaMA`) is never normalised: its shape is
 * not the base's, and a catalog entry for it must be its own.
 */
import type { CatalogModel } from './catalogModel';

export interface Identified {
  readonly model: CatalogModel;
  /** What was removed from the name to reach the catalog entry, in order; empty for an exact name. */
  readonly steps: readonly string[];
}

/** Words that mean the architecture differs from the base the rest of the name points at. */
const RESHAPED = /distill|prun(?:e|ed|ing)|minitron|sheared|(?:^|[-_])nas(?:[-_]|$)|upcycl|(?:^|[-_])moe(?:[-_]|$)|eagle|medusa|(?:^|[-_])draft(?:[-_]|$)/i;

interface Rule {
  readonly what: string;
  readonly suffix: RegExp;
}

/** Applied repeatedly, last part of the name first (`...-Instruct-2507-AWQ`). */
const RULES: readonly Rule[] = [
  {
    what: 'quantised copy',
    suffix:
      /[-_.](?:awq|gptq(?:[-_]int[48])?|bnb[-_]?[48]bit|unsloth[-_]bnb[-_]?[48]bit|[48][-_]?bits?|gguf|ggml|fp8(?:[-_]dynamic)?|int[48](?:[-_]w\d+a\d+)?|w[48]a(?:8|16)|nf4|mlx(?:[-_][48]bit)?|exl2|q[2-8](?:_k)?(?:_[msl0])?|hqq|marlin|quantized\.?w\d+a\d+)$/i,
  },
  { what: 'converted copy', suffix: /[-_.](?:hf|bf16|fp16|fp32|f16|f32|safetensors|transformers)$/i },
  { what: 'dated release', suffix: /[-_](?:(?:19|20)\d{2}[-_]?(?:0[1-9]|1[0-2])(?:[-_]?\d{2})?|(?:2[3-9])(?:0[1-9]|1[0-2])|(?:0[1-9]|1[0-2])(?:2[3-9]))$/ },
  { what: 'fine-tuned variant', suffix: /[-_](?:instruct|chat|base|it|sft|dpo|rlhf|orpo|grpo|thinking|reasoning)$/i },
];

/**
 * The catalog model `name` is, or is a copy of, with the parts of the name removed on the way.
 * `exact` looks a name up as it is written (with or without its organisation).
 */
export function identify(name: string, exact: (name: string) => CatalogModel | undefined): Identified | undefined {
  const direct = exact(name);
  if (direct) return { model: direct, steps: [] };
  const bare = name.trim().split('/').pop() ?? '';
  if (!bare || RESHAPED.test(bare)) return undefined;
  const steps: string[] = [];
  if (name.includes('/')) steps.push('organisation mirror');
  let current = bare;
  // Each pass removes one suffix; a name has only a handful, so this ends after a few passes.
  for (let pass = 0; pass < 8; pass++) {
    const rule = RULES.find((candidate) => candidate.suffix.test(current));
    if (!rule) break;
    current = current.replace(rule.suffix, '');
    if (!steps.includes(rule.what)) steps.push(rule.what);
    const found = exact(current);
    if (found) return { model: found, steps };
  }
  const mirrored = name.includes('/') ? exact(bare) : undefined;
  return mirrored ? { model: mirrored, steps: ['organisation mirror'] } : undefined;
}

/** How a copy's name was read, for the `catalog-value` note: "a quantised copy of a fine-tuned variant". */
export function describeSteps(steps: readonly string[]): string {
  return steps.join(', ');
}
