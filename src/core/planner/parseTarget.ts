import { parseCount } from '../source/quantity';
import { PlanError, type PlanTarget } from './plan';

/** `chinchilla`, `multiple:4`, `parameters:7B`, `inference:2T` (the CLI's and the command's form). */
export function parseTarget(text: string): PlanTarget {
  const [kind, value] = text.trim().split(':', 2);
  const number = () => {
    const parsed = value !== undefined ? parseCount(value) : undefined;
    if (!parsed || !parsed.ok)
      throw new PlanError(`target "${text.slice(0, 40)}" needs a number after the colon (e.g. multiple:4, parameters:7B, inference:2T)`);
    return parsed.value;
  };
  switch (kind.toLowerCase()) {
    case 'chinchilla':
      return { kind: 'chinchilla' };
    case 'multiple':
      return { kind: 'multiple', multiple: number() };
    case 'parameters':
    case 'params':
      return { kind: 'parameters', parameters: number() };
    case 'inference':
      return { kind: 'inference', inferenceTokens: number() };
    default:
      throw new PlanError(`unknown target "${text.slice(0, 40)}": use chinchilla, multiple:K, parameters:N or inference:TOKENS`);
  }
}

export function describeTarget(target: PlanTarget): string {
  switch (target.kind) {
    case 'chinchilla':
      return 'Chinchilla-optimal (20 tokens per parameter)';
    case 'multiple':
      return `${target.multiple}× Chinchilla (${20 * target.multiple} tokens per parameter)`;
    case 'parameters':
      return 'fixed model size';
    case 'inference':
      return 'inference-aware (Sardana et al. 2023)';
  }
}
