import { findModel, type CatalogModel } from '../catalog/models';
import type { Finding } from '../analysis/findings';
import { identifyModel } from '../catalog/models';
import { describeSteps } from '../catalog/identity';
import { localAdapterBase, localModelConfig } from './localModel';
import { withShapeVocab } from './vocabFromShape';
import { userFact, type UserFact } from '../source/directives';
import { fact, type Fact } from '../source/fact';
import type { FrameworkModule, ReadContext } from '../formats/format';
import { readJson } from '../source/jsonTree';
import { treeFromObject } from '../source/objectTree';
import { normalizeKey, type ConfigNode, type Span } from '../source/tree';
import type { WrittenNumber } from '../training/lengthEdit';
import { ConfigView, dotted, printable, spanOfEntry, type Located } from '../source/view';
import type { Architecture } from './architecture';
import { architectureFindings, assemble } from './assemble';
import { countParameters, type ParameterCount } from './parameters';
import { readHuggingFace } from '../formats/huggingface/modelReader';

export interface ModelResult {
  readonly architecture?: Architecture;
  readonly count?: ParameterCount;
  readonly total?: Fact;
  readonly active?: Fact;
  /** The catalog entry the architecture came from, when the config only names its model. */
  readonly catalog?: CatalogModel;
  /**
   * The pretrained weights the run starts from (a fine-tune, or continued training), whether or
   * not the base is known: `name` as the config writes it, `model` when the catalog, cache or Hub has it.
   */
  readonly startsFrom?: { readonly name: string; readonly span?: Span; readonly model?: CatalogModel };
  /** A parameter count stated as one number (`parameters: 7B`), which the planner may rewrite. */
  readonly sizeSetting?: { readonly span: Span } & WrittenNumber;
  /** The span of the key that fixes the model size: where the inline summary goes. */
  readonly anchor?: Span;
}

const DECLARED_TOTAL = ['parameters', 'params', 'num_params', 'n_params', 'total_parameters', 'parameter_count'];
const DECLARED_ACTIVE = ['active_parameters', 'active_params'];
/** Keys that name the weights a run starts from (LitGPT's `checkpoint_dir`, Levanter's `initialize_from_hf`): its compute adds to theirs. */
const STARTS_FROM = new Set(['checkpoint_dir', 'initial_checkpoint_dir', 'initialize_from_hf', 'base_model']);

/** Finds the model a config describes: its own architecture, a catalog model it names, or a stated count. */
export function readModel(view: ConfigView, framework: FrameworkModule, context: ReadContext): ModelResult {
  const { facts, findings } = context;
  let result: ModelResult = {};
  const vocab = userFact(facts, 'vocab');
  const vocabFact = vocab && fact(vocab.value, 'user', { span: vocab.span, note: `compute-budget: vocab=${vocab.note ?? vocab.value}` });
  const own = framework.readArchitecture?.(view, context);
  const read = own && withShapeVocab(own);
  const draft = read && vocabFact ? { ...read, vocab: vocabFact } : read;
  if (draft) {
    const assembled = assemble(draft);
    if (assembled.ok) {
      result = fromArchitecture(assembled.architecture, draft.hidden?.span, findings);
    } else if (!view.findings.some((finding) => finding.severity === 'error') && !findings.some((finding) => finding.code === 'missing-architecture')) {
      // A key that is present but invalid was reported at the key; "missing" would mislead. A reader that
      // already said what is missing and why (nanoGPT's meta.pkl vocabulary) is not repeated.
      const anchor = view.root?.span ?? { start: 0, end: 0 };
      findings.push({
        severity: 'warning',
        code: 'missing-architecture',
        message: `The ${draft.family} architecture is incomplete: ${assembled.missing.join(', ')} ${assembled.missing.length === 1 ? 'is' : 'are'} missing, so the parameter count is unknown.`,
        span: draft.hidden?.span ?? { start: anchor.start, end: Math.min(anchor.end, anchor.start + 1) },
      });
    }
  }

  const nameKey = framework.modelNameKeys && view.find(framework.modelNameKeys);
  if (!result.architecture && nameKey) {
    result = { ...result, ...fromNamedModel(view, nameKey, context) };
    // A vocabulary fact changes a named model's embedding too: count it again with the stated rows.
    if (vocabFact && result.architecture && result.architecture.vocab.value !== vocabFact.value) {
      const recount = fromArchitecture({ ...result.architecture, vocab: vocabFact }, result.anchor, []);
      result = {
        ...result,
        count: recount.count,
        architecture: recount.architecture,
        total: { ...recount.total!, origin: result.total!.origin },
        active: { ...recount.active!, origin: result.active!.origin },
      };
    }
  }
  const startsFromKey =
    nameKey && (framework.fineTunes || STARTS_FROM.has(normalizeKey(nameKey.path[nameKey.path.length - 1]))) && !fromScratch(view, nameKey)
      ? nameKey
      : undefined;
  const named = startsFromKey ? result.catalog : undefined;
  // Some frameworks name the base model elsewhere (torchtune's checkpointer): ask the module.
  const baseName = framework.fineTunes && !named ? framework.baseModel?.(view, context) : undefined;
  const startsFromName = startsFromKey ? printable(view.text(startsFromKey) ?? '', 200) : baseName;
  const startsFrom = startsFromName
    ? { name: startsFromName, span: startsFromKey?.entry.keySpan, model: named ?? (baseName ? findModel(baseName) : undefined) }
    : undefined;

  const declaredKey = view.find(DECLARED_TOTAL);
  const declared = view.count(declaredKey, 'a number of parameters', { positive: true, atLeastOne: true });
  const declaredActive = view.count(view.find(DECLARED_ACTIVE), 'a number of active parameters', { positive: true, atLeastOne: true });
  if (declared && declaredKey && result.total) {
    const ratio = declared.value / result.total.value;
    if (Math.abs(ratio - 1) > 0.05) {
      findings.push({
        severity: 'warning',
        code: 'parameter-mismatch',
        message: `${dotted(declaredKey)} says ${compact(declared.value)} parameters, but the architecture has ${compact(result.total.value)} (${ratio > 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(0)}%). The architecture's count is used.`,
        span: spanOfEntry(declaredKey.entry),
      });
    }
  } else if (declared && declaredKey) {
    const activeFits = declaredActive && declaredActive.value <= declared.value;
    if (declaredActive && !activeFits) findings.push(activeAboveTotal(declaredActive.value, declared.value, declaredActive.span));
    result = {
      ...result,
      total: declared,
      active: activeFits ? declaredActive : declared,
      anchor: declaredKey.entry.keySpan,
      sizeSetting: sizeSettingOf(declaredKey.entry.value),
    };
  }
  return { ...withUserCounts(result, facts, findings), startsFrom };
}

/**
 * `parameters=` and `active_parameters=` facts. A total stated for a mixture of experts keeps
 * the architecture's active share (active / total), so an MoE model never turns dense; an
 * `active_parameters` fact, when given, is used as it stands.
 */
function withUserCounts(result: ModelResult, facts: readonly UserFact[], findings: Finding[]): ModelResult {
  const supplied = userFact(facts, 'parameters');
  const suppliedActive = userFact(facts, 'active_parameters');
  if (supplied) {
    const given = fact(supplied.value, 'user', { span: supplied.span, note: 'compute-budget: parameters=' });
    const share = result.active && result.total && result.active.value < result.total.value ? result.active.value / result.total.value : 1;
    const active =
      share < 1
        ? fact(Math.round(supplied.value * share), 'derived', {
            span: supplied.span,
            note: `compute-budget: parameters= × the architecture's active share ${(share * 100).toFixed(1)}%`,
          })
        : given;
    result = { ...result, total: given, active };
  }
  if (suppliedActive && result.total && suppliedActive.value > result.total.value) {
    findings.push(activeAboveTotal(suppliedActive.value, result.total.value, suppliedActive.span));
  } else if (suppliedActive) {
    const active = fact(suppliedActive.value, 'user', { span: suppliedActive.span, note: 'compute-budget: active_parameters=' });
    result = { ...result, active, total: result.total ?? active };
  }
  return result;
}

/** A model cannot use more parameters per token than it has: the active count is not used. */
function activeAboveTotal(active: number, total: number, span: Span | undefined): Finding {
  return {
    severity: 'warning',
    code: 'parameter-mismatch',
    message: `${compact(active)} active parameters is more than the model's ${compact(total)} in total; a token never uses more than all of them, so the active count is not used.`,
    span: span ?? { start: 0, end: 0 },
  };
}

/** `pretrained: false` beside the model name (llm-foundry's `hf_causal_lm`): the named architecture is trained from scratch. */
function fromScratch(view: ConfigView, nameKey: Located): boolean {
  return view.flag(view.at([...nameKey.path.slice(0, -1), 'pretrained'])) === false;
}

function fromArchitecture(architecture: Architecture, anchor: Span | undefined, findings: Finding[]): ModelResult {
  const count = countParameters(architecture);
  const where = anchor ?? { start: 0, end: 0 };
  findings.push(...architectureFindings(architecture, where));
  const assumptions: [string, Fact<number | boolean>][] = [
    ['vocabulary size', architecture.vocab],
    ['MLP kind', architecture.gated],
  ];
  if (architecture.moe) assumptions.push(['experts per token', architecture.moe.topK]);
  for (const [what, item] of assumptions) {
    const value = typeof item.value === 'number' ? item.value.toLocaleString('en-US') : item.value ? 'gated (SwiGLU/GeGLU)' : 'plain (two matrices)';
    if (item.origin === 'assumed')
      findings.push({
        severity: 'information',
        code: 'assumed-value',
        message: `${architecture.family}: assumed ${what} ${value}${item.note ? `, ${item.note}` : ''}. State it in the config if it differs.`,
        span: item.span ?? where,
      });
  }
  const origin = architecture.hidden.origin === 'catalog' ? 'catalog' : 'derived';
  return {
    architecture,
    count,
    total: fact(count.total, origin, { note: `counted from the ${architecture.family} architecture` }),
    active: fact(count.active, origin, {
      note: architecture.moe
        ? `top-${architecture.moe.topK.value} of ${architecture.moe.experts.value} experts active per token`
        : 'dense: every parameter is active',
    }),
    anchor,
  };
}

/** Where a local checkpoint's architecture comes from, for the provenance line. */
const LOCAL_SOURCE = 'local config.json';

/** A Hugging Face id: `org/name`, as the Hub and its cache spell it. */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/**
 * A model named by id or by a framework's name for it: its own `config.json` from the Hugging
 * Face cache or the Hub when the host has it, otherwise the built-in catalog. `catalog` says
 * which: its `source` is the host's ("Hugging Face cache", "Hugging Face Hub") for a config the
 * host found, absent for a built-in entry. Published training tokens still come from the
 * catalog when it knows the model.
 */
function fromNamedModel(view: ConfigView, nameKey: Located, context: ReadContext, written = view.text(nameKey)): ModelResult {
  const name = written?.trim().replace(/^hf:\/\//, '');
  if (!name) return {};
  const local = localModelConfig(name, context);
  if (local) {
    if (local.text === undefined) return {};
    // A folder holding an adapter is its base with the adapter merged in; its base is named, not a folder again.
    const adapterBase = local.text === null && written === view.text(nameKey) ? localAdapterBase(name, context) : null;
    if (adapterBase === undefined) return {};
    if (adapterBase) return fromNamedModel(view, nameKey, context, adapterBase);
    const parsed = local.text === null ? undefined : readJson(local.text);
    const result =
      parsed?.root?.kind === 'map'
        ? fromNamedArchitecture(readHuggingFace(new ConfigView(parsed.root)), name.slice(0, 120), LOCAL_SOURCE, nameKey, context.findings)
        : undefined;
    if (result) return { ...result, catalog: { id: name, aliases: [], config: {}, source: LOCAL_SOURCE } };
    context.findings.push({
      severity: 'information',
      code: 'unknown-model',
      message: `"${printable(name, 80)}" is a local checkpoint, but ${local.text === null ? 'it has no readable config.json' : 'its config.json holds no architecture this reader knows'}, so its size is unknown. State it with \`parameters: 7B\` or a \`# compute-budget: parameters=7B\` comment.`,
      span: spanOfEntry(nameKey.entry),
    });
    return {};
  }
  const identified = identifyModel(name);
  const known = identified?.model;
  const hub = HUB_ID.test(name) ? context.lookups.modelConfig(name) : undefined;
  const parsed = hub ? readJson(hub.text) : undefined;
  if (hub && parsed?.root?.kind === 'map') {
    const result = fromNamedArchitecture(readHuggingFace(new ConfigView(parsed.root)), name, hub.source, nameKey, context.findings);
    const model: CatalogModel = {
      id: name,
      aliases: [],
      config: {},
      trainingTokens: known?.trainingTokens,
      tokensSource: known?.tokensSource,
      source: hub.source,
    };
    if (result) return { ...result, catalog: model };
  }
  if (!known) {
    context.findings.push({
      severity: 'information',
      code: 'unknown-model',
      message: `"${name.slice(0, 80)}" is not in the built-in catalog${HUB_ID.test(name) ? ' or the Hugging Face cache' : ''}, so its size is unknown. State it with \`parameters: 7B\` or a \`# compute-budget: parameters=7B\` comment.`,
      span: spanOfEntry(nameKey.entry),
    });
    return {};
  }
  const via = identified && identified.steps.length > 0 ? `"${printable(name, 80)}" (${describeSteps(identified.steps)})` : undefined;
  const result = fromNamedArchitecture(
    readHuggingFace(new ConfigView(treeFromObject(known.config))),
    known.id,
    known.source ?? 'built-in catalog',
    nameKey,
    context.findings,
    via,
  );
  return result ? { ...result, catalog: known } : {};
}

/** An architecture read from a config that is not the file itself: every number is labelled with its source. */
function fromNamedArchitecture(
  draft: ReturnType<typeof readHuggingFace>,
  id: string,
  source: string,
  nameKey: Located,
  findings: Finding[],
  via?: string,
): ModelResult | undefined {
  const assembled = assemble(draft);
  if (!assembled.ok) return undefined;
  const span = nameKey.entry.keySpan;
  const from = `from the ${source}`;
  const relabel = (item: Fact<unknown>): Fact<unknown> => ({
    ...item,
    origin: item.origin === 'config' ? 'catalog' : item.origin,
    key: item.key ? `${id} ${item.key}` : undefined,
    span,
    note: item.origin === 'config' ? from : item.note,
  });
  // Every fact, however deep (MoE, latent attention, a hybrid stack), points at the naming key:
  // its own span lies in the other file's text.
  const architecture: Architecture = { ...(relabelFacts(assembled.architecture, relabel) as Architecture), family: `${id} (${source})` };
  const result = fromArchitecture(architecture, span, findings);
  findings.push({
    severity: 'hint',
    code: 'catalog-value',
    message: via
      ? `${via} is read as ${id}, whose architecture it keeps; the architecture comes ${from}: ${compact(result.total!.value)} parameters.`
      : `The architecture of ${id} comes ${from}: ${compact(result.total!.value)} parameters.`,
    span: spanOfEntry(nameKey.entry),
  });
  return { ...result, total: { ...result.total!, origin: 'catalog' }, active: { ...result.active!, origin: 'catalog' } };
}

const isFact = (value: object): value is Fact<unknown> => 'value' in value && 'origin' in value;

function relabelFacts(value: unknown, relabel: (item: Fact<unknown>) => Fact<unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => relabelFacts(item, relabel));
  if (isFact(value)) return relabel(value);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, relabelFacts(item, relabel)]));
}

function compact(value: number): string {
  return value >= 1e9 ? `${(value / 1e9).toFixed(2)}B` : value >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : String(value);
}

/** How a stated count is written, for a rewrite in the same form. */
function sizeSettingOf(node: ConfigNode): ModelResult['sizeSetting'] {
  if (node.kind !== 'scalar' || (typeof node.value === 'string' && node.value.includes('${'))) return undefined;
  const written = node.source ?? String(node.value);
  return { span: node.span, magnitude: /[kKmMbBgGtT]$/.test(written), suffix: '', quoted: typeof node.value === 'string' && node.source === undefined };
}
