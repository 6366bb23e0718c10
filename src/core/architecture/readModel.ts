import { findModel, type CatalogModel } from '../catalog/models';
import type { Finding } from '../findings';
import { userFact, type UserFact } from '../source/directives';
import { fact, type Fact } from '../source/fact';
import type { Framework } from '../source/framework';
import { treeFromObject } from '../source/objectTree';
import type { Span } from '../source/tree';
import { ConfigView, dotted, spanOfEntry, type Located } from '../source/view';
import type { Architecture } from './architecture';
import { architectureFindings, assemble, type Draft } from './assemble';
import { countParameters, type ParameterCount } from './parameters';
import { readHuggingFace } from './readers/huggingface';
import { readLevanter } from './readers/levanter';
import { readLitgptModelConfig } from './readers/litgpt';
import { readMegatron } from './readers/megatron';
import { readMpt } from './readers/mpt';
import { readNeox } from './readers/neox';
import { readOlmo } from './readers/olmo';

export interface ModelResult {
  readonly architecture?: Architecture;
  readonly count?: ParameterCount;
  readonly total?: Fact;
  readonly active?: Fact;
  /** The catalog entry the architecture came from, when the config only names its model. */
  readonly catalog?: CatalogModel;
  /** Axolotl and other fine-tuning configs: the model being adapted. */
  readonly fineTunes?: CatalogModel;
  /** The span of the key that fixes the model size: where the inline summary goes. */
  readonly anchor?: Span;
}

const READERS: Partial<Record<Framework, (view: ConfigView) => Draft>> = {
  huggingface: (view) => readHuggingFace(view),
  'gpt-neox': readNeox,
  nemo: readMegatron,
  olmo: readOlmo,
  'llm-foundry': readMpt,
  levanter: readLevanter,
};

const MODEL_NAME_KEYS = ['base_model', 'model_name', 'architecture', 'model_name_or_path', 'pretrained_model_name_or_path', 'initialize_from_hf', 'hf_checkpoint', 'pretrained_model_name'];
const DECLARED_TOTAL = ['parameters', 'params', 'num_params', 'n_params', 'total_parameters', 'parameter_count'];
const DECLARED_ACTIVE = ['active_parameters', 'active_params'];

/** Finds the model a config describes: its own architecture, a catalog model it names, or a stated count. */
export function readModel(view: ConfigView, framework: Framework, facts: readonly UserFact[], findings: Finding[]): ModelResult {
  let result: ModelResult = {};
  const reader = framework === 'litgpt' && view.find(['n_embd'], { under: ['model_config'] }) ? readLitgptModelConfig : READERS[framework];
  if (reader) {
    const draft = reader(view);
    const assembled = assemble(draft);
    if (assembled.ok) {
      result = fromArchitecture(assembled.architecture, draft.hidden?.span, findings);
    } else if (framework !== 'plain' && !view.findings.some((finding) => finding.severity === 'error')) {
      // A key that is present but invalid was reported at the key; "missing" would mislead.
      const anchor = view.root?.span ?? { start: 0, end: 0 };
      findings.push({ severity: 'warning', code: 'missing-architecture', message: `The ${draft.family} architecture is incomplete: ${assembled.missing.join(', ')} ${assembled.missing.length === 1 ? 'is' : 'are'} missing, so the parameter count is unknown.`, span: draft.hidden?.span ?? { start: anchor.start, end: Math.min(anchor.end, anchor.start + 1) } });
    }
  }

  const nameKey = view.find(MODEL_NAME_KEYS);
  if (!result.architecture && nameKey) result = { ...result, ...fromCatalog(view, nameKey, findings) };
  const fineTunes = framework === 'axolotl' ? result.catalog : undefined;

  const declaredKey = view.find(DECLARED_TOTAL);
  const declared = view.count(declaredKey, 'a number of parameters', { positive: true });
  const declaredActive = view.count(view.find(DECLARED_ACTIVE), 'a number of active parameters', { positive: true });
  if (declared && declaredKey && result.total) {
    const ratio = declared.value / result.total.value;
    if (Math.abs(ratio - 1) > 0.05) {
      findings.push({ severity: 'warning', code: 'parameter-mismatch', message: `${dotted(declaredKey)} says ${compact(declared.value)} parameters, but the architecture has ${compact(result.total.value)} (${ratio > 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(0)}%). The architecture's count is used.`, span: spanOfEntry(declaredKey.entry) });
    }
  } else if (declared && declaredKey) {
    result = { ...result, total: declared, active: declaredActive ?? declared, anchor: declaredKey.entry.keySpan };
  }

  const supplied = userFact(facts, 'parameters');
  if (supplied) {
    const given = fact(supplied.value, 'user', { span: supplied.span, note: 'compute-budget: parameters=' });
    result = { ...result, total: given, active: result.active && result.total && result.active.value < result.total.value ? result.active : given };
  }
  return { ...result, fineTunes };
}

function fromArchitecture(architecture: Architecture, anchor: Span | undefined, findings: Finding[]): ModelResult {
  const count = countParameters(architecture);
  const where = anchor ?? { start: 0, end: 0 };
  findings.push(...architectureFindings(architecture, where));
  const assumptions: [string, Fact<number | boolean>][] = [['vocabulary size', architecture.vocab], ['MLP kind', architecture.gated]];
  if (architecture.moe) assumptions.push(['experts per token', architecture.moe.topK]);
  for (const [what, item] of assumptions) {
    const value = typeof item.value === 'number' ? item.value.toLocaleString('en-US') : item.value ? 'gated (SwiGLU/GeGLU)' : 'plain (two matrices)';
    if (item.origin === 'assumed') findings.push({ severity: 'information', code: 'assumed-value', message: `${architecture.family}: assumed ${what} ${value}${item.note ? `, ${item.note}` : ''}. State it in the config if it differs.`, span: item.span ?? where });
  }
  const origin = architecture.hidden.origin === 'catalog' ? 'catalog' : 'derived';
  return {
    architecture,
    count,
    total: fact(count.total, origin, { note: `counted from the ${architecture.family} architecture` }),
    active: fact(count.active, origin, { note: architecture.moe ? `top-${architecture.moe.topK.value} of ${architecture.moe.experts.value} experts active per token` : 'dense: every parameter is active' }),
    anchor,
  };
}

function fromCatalog(view: ConfigView, nameKey: Located, findings: Finding[]): ModelResult {
  const name = view.text(nameKey);
  if (!name) return {};
  const model = findModel(name);
  if (!model) {
    findings.push({ severity: 'information', code: 'unknown-model', message: `"${name.slice(0, 80)}" is not in the built-in catalog, so its size is unknown. State it with \`parameters: 7B\` or a \`# compute-budget: parameters=7B\` comment.`, span: spanOfEntry(nameKey.entry) });
    return {};
  }
  const catalogView = new ConfigView(treeFromObject(model.config));
  const assembled = assemble(readHuggingFace(catalogView));
  if (!assembled.ok) return {};
  const span = nameKey.entry.keySpan;
  const relabel = <T>(item: Fact<T>): Fact<T> => ({ ...item, origin: item.origin === 'config' ? 'catalog' : item.origin, key: item.key ? `${model.id} ${item.key}` : undefined, span });
  const arch = assembled.architecture;
  const architecture: Architecture = {
    ...arch,
    family: `${model.id} (built-in catalog)`,
    hidden: relabel(arch.hidden), layers: relabel(arch.layers), heads: relabel(arch.heads), kvHeads: relabel(arch.kvHeads),
    headDim: relabel(arch.headDim), ffn: relabel(arch.ffn), vocab: relabel(arch.vocab), tied: relabel(arch.tied), gated: relabel(arch.gated),
    learnedPositions: arch.learnedPositions && relabel(arch.learnedPositions),
    moe: arch.moe && { ...arch.moe, experts: relabel(arch.moe.experts), topK: relabel(arch.moe.topK), ffn: relabel(arch.moe.ffn) },
  };
  const result = fromArchitecture(architecture, span, findings);
  findings.push({ severity: 'hint', code: 'catalog-value', message: `The architecture of ${model.id} comes from the built-in catalog: ${compact(result.total!.value)} parameters.`, span: spanOfEntry(nameKey.entry) });
  return { ...result, total: { ...result.total!, origin: 'catalog' }, active: { ...result.active!, origin: 'catalog' }, catalog: model };
}

function compact(value: number): string {
  return value >= 1e9 ? `${(value / 1e9).toFixed(2)}B` : value >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : String(value);
}
