import type { Analysis } from '../analyze';
import { modelSource } from '../catalog/models';
import type { Fact } from '../source/fact';

export interface ProvenanceNote {
  readonly what: string;
  readonly value: number | boolean;
  readonly origin: Fact['origin'];
  readonly note: string;
}

/**
 * The numbers that were not simply read from the file: assumed defaults, catalog values and
 * user-supplied facts. Users check our figures against papers; this says where each came from.
 */
export function provenanceNotes(analysis: Analysis): ProvenanceNote[] {
  const notes: ProvenanceNote[] = [];
  const arch = analysis.model.architecture;
  const add = (what: string, item: Fact<number | boolean> | undefined) => {
    if (item && item.origin !== 'config' && item.origin !== 'derived')
      notes.push({ what, value: item.value, origin: item.origin, note: item.note ?? (item.origin === 'catalog' ? 'built-in catalog' : '') });
    else if (item && item.origin === 'derived' && item.note && /assumed|default/i.test(item.note))
      notes.push({ what, value: item.value, origin: 'assumed', note: item.note });
  };
  if (arch) {
    if (analysis.model.catalog)
      notes.push({
        what: 'architecture',
        value: analysis.parameters.total ?? 0,
        origin: 'catalog',
        note: `${analysis.model.catalog.id} from the ${modelSource(analysis.model.catalog)}`,
      });
    else {
      add('vocabulary', arch.vocab);
      add('tied embeddings', arch.tied);
      add('MLP width', arch.ffn);
      add('key/value heads', arch.kvHeads);
      if (arch.moe) add('experts per token', arch.moe.topK);
    }
  }
  add('parameters', analysis.model.total?.origin === 'user' ? analysis.model.total : undefined);
  for (const factor of analysis.training.factors) add(factor.key ?? factorName(factor), factor);
  if (analysis.training.tokens?.origin === 'user') add('training tokens', analysis.training.tokens);
  return notes;
}

/** What a factor of the token count is when no config key names it: a fact given outside the file, or one derived from it. */
function factorName(factor: Fact<number | boolean>): string {
  const given = /compute-budget: ([a-z_]+)=/.exec(factor.note ?? '')?.[1];
  if (given === 'data_parallel' || /accelerators ÷/.test(factor.note ?? '')) return 'data-parallel size';
  if (given === 'dataset_tokens') return 'dataset tokens (one epoch)';
  if (given === 'gpus') return 'accelerators';
  return given ? given.replace(/_/g, ' ') : 'part of the token count';
}
