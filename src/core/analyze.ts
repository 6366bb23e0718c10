import { readModel, type ModelResult } from './architecture/readModel';
import { BAND_LABELS, overtrainingBand, type OvertrainingBand } from './budget/overtraining';
import { allocateAtRatio, CHINCHILLA_TOKENS_PER_PARAMETER, LOSS_FITS, predictLoss, trainingCompute } from './budget/scaling';
import { evaluateThresholds, THRESHOLD_RULES, type ThresholdResult, type ThresholdRule } from './budget/thresholds';
import type { Finding } from './analysis/findings';
import { numbers, type NumberFormat } from './report/format';
import { acceleratorTable } from './hardware/accelerators';
import { estimateFromHardware, hardwareFinding } from './hardware/mismatch';
import { readHardware, type StatedHardware } from './hardware/readHardware';
import { countAdapter, readAdapter, type AdapterSettings } from './training/adapters';
import { lifecycle, readLifecycle, type Lifecycle, type LifecycleInputs } from './training/lifecycle';
import { readDirectives, readFactPairs, type UserFact } from './source/directives';
import type { FrameworkModule, ReadContext } from './formats/format';
import { detectFramework, UNKNOWN } from './formats/registry';
import { foreignFormat, trainingKeysIn, unsupportedFormat } from './analysis/foreignSyntax';
import { NO_PENDING, ResourceLookups } from './resources/resources';
import { parseSource, syntaxOf, type Syntax } from './source/syntax';
import type { Span } from './source/tree';
import { ConfigView, printable } from './source/view';
import { validateOptions } from './settings/settings';
import { lengthEdit } from './training/lengthEdit';
import { withPriorConfig } from './training/priorConfig';
import { detailedFlops } from './budget/detailedFlops';
import { silentFileFinding, unfollowedLaunchFinding } from './training/neverSilent';
import { readTokens, type TokenResult } from './training/tokens';
import { readTrainerArgs, type TrainerArgs } from './training/hfTrainer/trainerArgs';
import { fineTuneCompute } from './training/hfTrainer/fineTuneCompute';
import { perRun } from './training/hfTrainer/trainerCompute';
import { baseCrossingFinding, modifierFinding, modifierTest } from './training/hfTrainer/modifierTest';
import { memoryStage, NO_MEMORY, type MemoryOutcome } from './memory/memoryStage';
import type { Analysis, AnalyzeOptions, FineTune } from './analysis/types';

export { syntaxOf, type Syntax };
export { stoppedAnalysis } from './analysis/stoppedAnalysis';
// The records an analysis takes and gives live in analysis/types.ts, below their users (settings, workers, training).
export type { Analysis, AnalyzeOptions, FineTune, LossPrediction } from './analysis/types';

/**
 * The largest text analysed: the biggest real configs are tens of kilobytes (a Hugging Face
 * `config.json` of a multimodal model, a NeMo config with every default), so a megabyte is
 * generous, and bounds what one analysis can cost the editor.
 */
export const DEFAULT_MAX_LENGTH = 1_000_000;

/** More training tokens than this (10³⁰) is no run: the largest today are near 10¹⁴. */
const MAX_TOKENS = 1e30;

/** Reads one config and computes its whole budget. Never throws for any input text. */
export function analyze(text: string, fileName: string, given: AnalyzeOptions = {}): Analysis {
  return analyzeStage(text, fileName, given, []);
}

/** `analyze`, for a config reached through `chain` (the later stages that link it as their earlier stage). */
function analyzeStage(text: string, fileName: string, given: AnalyzeOptions, chain: readonly string[]): Analysis {
  // Options come from settings files and flags: any shape is possible, so it is checked first.
  let options = validateOptions(given);
  const syntax = options.syntax ?? syntaxOf(fileName, text);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return empty(
      fileName,
      syntax,
      [
        {
          severity: 'information',
          code: 'too-large',
          message: `This file has ${text.length.toLocaleString('en-US')} characters, more than the ${maxLength.toLocaleString('en-US')} a config is read up to; it is not analysed.`,
          span: { start: 0, end: 0 },
        },
      ],
      options,
    );
  }
  const foreign = syntax === 'yaml' || syntax === 'json' ? foreignFormat(fileName) : undefined;
  if (foreign) return analyzeForeign(text, fileName, syntax, foreign, options);
  const parsed = parseSource(text, syntax);
  const findings: Finding[] = parsed.problems.map((problem) => ({
    severity: problem.code === 'parse-error' ? 'error' : 'warning',
    code: problem.code,
    message: problem.message,
    span: problem.span,
  }));
  const userFacts = [...readDirectives(text, findings), ...readFactPairs(options.facts ?? {}, findings)];
  const detectionView = new ConfigView(parsed.root, options.extraKeys);
  const framework = detectFramework(parsed.root, detectionView, syntax);
  const lookups = new ResourceLookups(options.resources);
  const context: ReadContext = { facts: userFacts, findings, lookups, fileName };
  const expanded = framework.expand && parsed.root?.kind === 'map' ? framework.expand(parsed.root, context) : parsed.root;
  const view = expanded === parsed.root ? detectionView : new ConfigView(expanded, options.extraKeys);
  if (framework.expand) {
    // The framework reads its own include tags (Levanter's `!include`): they are not unsupported.
    const handled = findings.filter((finding) => finding.code === 'unsupported-tag' && /!include\b/.test(finding.message));
    for (const finding of handled) findings.splice(findings.indexOf(finding), 1);
  }
  const model = readModel(view, framework, context);
  const training = framework.readTokens?.(view, context) ?? readTokens(view, framework.training, userFacts, findings);
  findings.push(...view.findings);
  // Read before the pending list is taken: a linked earlier stage may be a file the host has yet to read.
  const stages = withPriorConfig(readLifecycle(view, userFacts), context, chain, linkedStage(given));
  options = { ...options, pending: lookups.pending };
  const hardware = readHardware(view, userFacts, acceleratorTable(options.accelerators));
  const statesHardware = !!(hardware.accelerator && hardware.count && hardware.seconds);
  if (framework.id === 'unknown' && !model.total && !training.tokens && !statesHardware && !options.alwaysReport) {
    // Not a training config (a CI workflow, a compose file, package.json): say nothing beyond
    // syntax errors, so unrelated files never collect budget diagnostics.
    // A stream of several documents (Kubernetes manifests) is valid YAML: not an error here.
    const aboutTheText = new Set<Finding['code']>(['parse-error', 'too-deep', 'too-large']);
    const kept = findings.filter((finding) => aboutTheText.has(finding.code) && !/multiple documents/i.test(finding.message));
    const launch = syntax === 'shell' ? unfollowedLaunchFinding(text) : undefined;
    if (launch) kept.push(launch);
    return compute(fileName, syntax, framework, {}, { factors: [] }, kept, userFacts, { ...options, quiet: true });
  }
  if (parsed.problems.some((problem) => problem.code === 'parse-error')) {
    // A broken file is read only as far as the parser recovered; "missing" facts are then
    // artefacts of the break, and would bury the one diagnostic that matters.
    const artefacts = new Set<Finding['code']>(['missing-architecture', 'missing-tokens', 'missing-data-parallel', 'missing-dataset-size', 'unknown-model']);
    // A value on the line the parser broke on was read from the parser's recovery, not the user's intent.
    const brokenLines = new Set(parsed.problems.filter((problem) => problem.code === 'parse-error').map((problem) => lineOf(text, problem.span.start)));
    const onBrokenLine = (finding: Finding) => finding.code !== 'parse-error' && brokenLines.has(lineOf(text, finding.span.start));
    return compute(
      fileName,
      syntax,
      framework,
      model,
      training,
      findings.filter((finding) => !artefacts.has(finding.code) && !onBrokenLine(finding)),
      userFacts,
      { ...options, quiet: true },
    );
  }
  const silent = silentFileFinding(framework, model, training, findings, { start: 0, end: Math.min(text.length, 1) });
  if (silent) findings.push(silent);
  const trainerArgs = readTrainerArgs(view);
  // A run that re-initialises the weights is pretraining, whatever model it names.
  const read = trainerArgs.reinitialises ? { ...model, startsFrom: undefined } : model;
  const adapter = readAdapter(view);
  const table = acceleratorTable(options.accelerators);
  const memory = memoryStage({ framework: framework.id, view, context, model: read, training, hardware, table, adapter });
  // A DeepSpeed JSON the config names is read through the host: ask for it with the rest.
  options = { ...options, pending: lookups.pending };
  return compute(fileName, syntax, framework, read, training, findings, userFacts, options, { hardware, adapter, lifecycle: stages, trainerArgs, memory });
}

/** How an earlier stage's config is analysed: on its own, with this analysis's settings but not its per-file facts. */
function linkedStage(given: AnalyzeOptions): (text: string, path: string, chain: readonly string[]) => Analysis {
  return (text, path, chain) => analyzeStage(text, path, { ...given, facts: undefined, alwaysReport: true }, chain);
}

/**
 * A file whose name says it is written in a syntax we do not parse (TOML, Python, shell, INI) is
 * never reported as broken YAML: only its compute-budget comments and outside facts count, and a
 * file that sets training keys gets one diagnostic saying what is not counted.
 */
function analyzeForeign(text: string, fileName: string, syntax: Syntax, format: string, options: AnalyzeOptions): Analysis {
  const findings: Finding[] = [];
  const userFacts = [...readDirectives(text, findings), ...readFactPairs(options.facts ?? {}, findings)];
  const view = new ConfigView(undefined);
  const context: ReadContext = { facts: userFacts, findings, lookups: new ResourceLookups(options.resources), fileName };
  const model = readModel(view, UNKNOWN, context);
  const training = readTokens(view, UNKNOWN.training, userFacts, findings);
  const keys = model.total && training.tokens ? [] : trainingKeysIn(text);
  if (keys.length >= 3) {
    const missing = [...(model.total ? [] : ['the model size']), ...(training.tokens ? [] : ['the training tokens'])];
    findings.push(unsupportedFormat(format, keys, missing));
  }
  const quiet = !(model.total && training.tokens);
  return compute(fileName, syntax, UNKNOWN, model, training, findings, userFacts, { ...options, quiet, pending: NO_PENDING });
}

/**
 * Every figure first, then every finding into one list, sorted once. `hardware` is what the config
 * states about accelerators and time: the Commission's first estimation method, used when 6·N·D
 * is unknown and checked against it when both are known.
 */
/** What the whole text states beyond the model and the tokens: hardware, adapters, earlier stages. */
interface RunExtras {
  readonly hardware?: StatedHardware;
  readonly adapter?: AdapterSettings;
  readonly lifecycle?: LifecycleInputs;
  readonly trainerArgs?: TrainerArgs;
  /** Memory per device, step time and serving memory (memory/memoryStage.ts). */
  readonly memory?: MemoryOutcome;
}

function compute(
  file: string,
  syntax: Syntax,
  framework: FrameworkModule,
  model: ModelResult,
  training: TokenResult,
  findings: Finding[],
  userFacts: UserFact[],
  options: AnalyzeOptions,
  extras: RunExtras = {},
): Analysis {
  const { hardware, adapter: adapterSettings } = extras;
  const { findings: memoryFindings, ...memory } = extras.memory ?? NO_MEMORY;
  findings.push(...memoryFindings);
  const stages = extras.lifecycle ?? {};
  const target = options.tokensPerParameter && options.tokensPerParameter > 0 ? options.tokensPerParameter : CHINCHILLA_TOKENS_PER_PARAMETER;
  const total = model.total?.value ?? null;
  const active = model.active?.value ?? total;
  // Every factor of a token count is bounded where it is read, but their product need not be
  // (10³⁰ steps × 10³⁰ tokens per step): past any real run the length is refused at its key.
  const stated = training.tokens?.value ?? null;
  const tokens = stated !== null && stated <= MAX_TOKENS ? stated : null;
  if (stated !== null && tokens === null) {
    findings.push({
      severity: 'error',
      code: 'out-of-range',
      span: training.anchor ?? { start: 0, end: 0 },
      message: `The training length multiplies out to ${numbers(options.numberStyle).flops(stated)} tokens${training.derivation ? ` (${training.derivation.slice(0, 120)})` : ''}, beyond any real training run; it is ignored.`,
    });
  }
  const adapter = adapterSettings && model.architecture ? countAdapter(adapterSettings, model.architecture) : null;
  const startsFrom = model.startsFrom;
  // A fine-tune's compute per token is its trainer's (reference, rollouts, teacher): see fineTuneCompute.
  const tuned = startsFrom ? fineTuneCompute(extras.trainerArgs ?? {}, adapterSettings, adapter, active) : undefined;
  // Adapters: the frozen model runs forward and back, only the adapters' weights get gradients.
  const architectureFlops =
    active !== null && tokens !== null
      ? tuned?.compute
        ? tuned.compute.perToken !== null
          ? tuned.compute.perToken * tokens
          : null
        : adapter
          ? (4 * active + 2 * adapter.trainable) * tokens
          : trainingCompute(active, tokens)
      : null;
  const hardwareEstimate = hardware ? (estimateFromHardware(hardware, architectureFlops) ?? null) : null;
  const flops = architectureFlops ?? hardwareEstimate?.flops ?? null;
  const method: Analysis['method'] = architectureFlops !== null ? 'architecture' : hardwareEstimate ? 'hardware' : null;
  const arch = model.architecture;
  const sequence = training.factors.find((factor) => factor.key && /seq|context|block_size/i.test(factor.key))?.value ?? arch?.learnedPositions?.value;
  const flopsWithAttention =
    architectureFlops !== null && arch && sequence
      ? architectureFlops + 6 * arch.layers.value * sequence * arch.heads.value * arch.headDim.value * tokens!
      : null;
  const detailed = architectureFlops !== null && !adapter && arch && sequence ? detailedFlops(arch, { sequenceLength: sequence, count: model.count }) : null;
  const detailedTotal =
    detailed && Number.isFinite(detailed.perToken) && detailed.perToken > 0
      ? { ...detailed, total: detailed.perToken * tokens!, fullAttentionTotal: detailed.fullAttentionPerToken * tokens!, sequenceLength: sequence! }
      : null;
  const baseModel = startsFrom?.model;
  const base = baseModel?.trainingTokens && model.total ? trainingCompute(model.active!.value, baseModel.trainingTokens) : 0;
  const totals: Lifecycle | null =
    flops !== null
      ? lifecycle(
          {
            flops,
            what: startsFrom ? 'this fine-tune' : 'this run',
            how:
              method === 'hardware'
                ? 'hardware method'
                : tuned?.compute
                  ? perRun(tuned.compute.formula)
                  : adapterSettings && model.architecture
                    ? '(4·N + 2·N_trainable)·D'
                    : '6·N·D',
          },
          active,
          base > 0 ? { what: `pretraining of ${baseModel!.id}`, flops: base } : undefined,
          stages,
        )
      : null;
  const cumulativeFlops = totals?.total ?? null;
  const fineTune: FineTune | null = startsFrom
    ? {
        base: startsFrom.model?.id ?? startsFrom.name,
        baseTokens: startsFrom.model?.trainingTokens ?? null,
        baseFlops: base > 0 ? base : null,
        share: base > 0 && flops !== null ? flops / base : null,
        trainer: tuned!.trainer,
        trainerReason: tuned!.because,
        method: tuned!.method,
        compute: tuned!.compute ?? null,
        modifierTest: modifierTest(flops, base > 0 ? base : null),
      }
    : null;
  // A staged run's tokens per parameter is the whole run's; without its earlier stages it cannot be judged.
  const stageUnknown = !!stages.resumesFrom && stages.priorTokens === undefined && stages.priorFlops === undefined;
  const runTokens =
    tokens !== null ? tokens + (stages.priorTokens ?? (stages.priorFlops !== undefined && active ? stages.priorFlops / (6 * active) : 0)) : null;
  const tokensPerParameter = active !== null && runTokens !== null ? runTokens / active : null;
  // A fine-tune is not a pre-training allocation: no Chinchilla comparison, no optimal size, no pre-training loss.
  const chinchillaTokens = active !== null && !fineTune ? active * target : null;
  const chinchillaMultiple = tokensPerParameter !== null && !fineTune && !stageUnknown ? tokensPerParameter / target : null;
  const band = chinchillaMultiple !== null ? overtrainingBand(chinchillaMultiple) : null;
  const rules = THRESHOLD_RULES.filter((rule) => !options.thresholdIds || options.thresholdIds.includes(rule.id));
  const thresholds = cumulativeFlops !== null ? evaluateThresholds(cumulativeFlops, rules) : [];
  const loss =
    active !== null && tokens !== null && tokens > 0 && !fineTune
      ? LOSS_FITS.map((fit) => ({ fit: fit.id, label: fit.label, loss: predictLoss(fit, active, tokens) }))
      : [];

  const where = training.anchor ?? model.anchor ?? hardwareEstimate?.stated.seconds?.span ?? { start: 0, end: 0 };
  const n = numbers(options.numberStyle);
  if (stageUnknown && tokens !== null && !fineTune) {
    findings.push({
      severity: 'information',
      code: 'staged-run',
      span: stages.resumesFrom!.span,
      message: `This run continues from a checkpoint (${stages.resumesFrom!.key}): the model's compute includes its earlier stages, and tokens per parameter belongs to the whole run, so no Chinchilla comparison is made. State the earlier stages as prior_tokens= or prior_flops=.`,
      fixes: [{ kind: 'add-fact', fact: 'prior_tokens', title: 'Add the tokens of the earlier stages (compute-budget comment)' }],
    });
  }
  const modifier = fineTune && flops !== null ? modifierFinding(fineTune, flops, model.anchor ?? where, n) : undefined;
  if (modifier) findings.push(modifier);
  if (fineTune?.compute?.needs && tokens !== null)
    findings.push({
      severity: 'information',
      code: 'missing-architecture',
      span: model.anchor ?? where,
      message: `This ${fineTune.trainer} run's compute needs ${fineTune.compute.needs} (${fineTune.compute.formula} per token); state it with a compute-budget fact or name a catalog model.`,
    });
  if (adapter && adapter.unknown.length) {
    findings.push({
      severity: 'information',
      code: 'assumed-value',
      span: adapter.span,
      message: `LoRA targets ${adapter.unknown.map((name) => `"${name}"`).join(', ')} are not layers this count knows; their adapters are not counted among the trainable parameters.`,
    });
  }
  const mismatch = hardwareFinding(hardwareEstimate ?? undefined, architectureFlops, n);
  if (mismatch) findings.push(mismatch);
  if (baseModel && base > 0 && flops !== null) {
    findings.push({
      severity: 'information',
      code: 'fine-tuning-cumulative',
      message: `Fine-tuning ${baseModel.id} adds ${n.flops(flops)} FLOP to its ${n.flops(base)} FLOP of pretraining (${baseModel.tokensSource}); regulation counts the cumulative ${n.flops(cumulativeFlops!)} FLOP.`,
      span: model.anchor ?? where,
    });
  }
  if (!options.quiet && tokens === null && total !== null && !findings.some((finding) => TOKEN_PROBLEMS.has(finding.code))) {
    findings.push({
      severity: 'information',
      code: 'missing-tokens',
      span: model.anchor ?? where,
      message: fineTune
        ? `This fine-tune of ${fineTune.base} fixes the model (${n.count(total)} parameters) but not how many tokens it trains on, so its compute is unknown.`
        : `This config fixes the model (${n.count(total)} parameters${active !== null && active !== total ? `, ${n.count(active)} active` : ''}) but not how many tokens it trains on, so compute is unknown. Chinchilla-optimal would be ${n.count(chinchillaTokens!)} tokens.`,
      fixes: fineTune
        ? [{ kind: 'add-fact', fact: 'tokens', title: 'Add the fine-tuning tokens (compute-budget comment)' }]
        : [
            {
              kind: 'add-fact',
              fact: 'tokens',
              title: `Add the training tokens (compute-budget comment; Chinchilla-optimal: ${n.count(chinchillaTokens!)})`,
              suggested: Math.round(chinchillaTokens!),
            },
          ],
    });
  }
  if (band && chinchillaMultiple !== null && tokensPerParameter !== null)
    findings.push(...bandFindings(band, chinchillaMultiple, tokensPerParameter, chinchillaTokens! - (runTokens! - tokens!), training, where, n));
  // A modifier below one third does not take over the base's obligations: the base's own crossings are information.
  const baseOnly = fineTune?.modifierTest === 'below-one-third' && fineTune.baseFlops !== null;
  const baseCrossed: ThresholdRule[] = [];
  for (const result of thresholds) {
    const rule = rules.find((candidate) => candidate.id === result.id)!;
    if (baseOnly && rule.status !== 'revoked' && result.tier !== 'below') {
      baseCrossed.push(rule);
      continue;
    }
    const finding = thresholdFinding(result, rule, where, cumulativeFlops !== flops, n);
    if (finding) findings.push(finding);
  }
  if (baseCrossed.length) findings.push(baseCrossingFinding(fineTune!.base, baseCrossed, model.anchor ?? where, n));
  return {
    file,
    syntax,
    framework: framework.id,
    frameworkName: framework.name,
    model,
    training,
    parameters: { total, active },
    tokens,
    flops,
    method,
    hardware: hardwareEstimate,
    adapter,
    flopsWithAttention,
    detailedFlops: detailedTotal,
    cumulativeFlops,
    lifecycle: totals,
    fineTune,
    tokensPerParameter,
    targetTokensPerParameter: target,
    chinchillaTokens,
    chinchillaMultiple,
    band,
    computeOptimal: flops !== null && !fineTune ? allocateAtRatio(flops, target) : null,
    loss,
    thresholds,
    findings: sortFindings(findings),
    userFacts,
    ...memory,
    pending: options.pending ?? NO_PENDING,
  };
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

const TOKEN_PROBLEMS = new Set<Finding['code']>([
  'invalid-number',
  'out-of-range',
  'negative-value',
  'missing-dataset-size',
  'missing-data-parallel',
  'unresolved-interpolation',
  'mandatory-missing',
  'parse-error',
]);

function bandFindings(
  band: OvertrainingBand,
  times: number,
  perParameter: number,
  optimalTokens: number,
  training: TokenResult,
  where: Span,
  n: NumberFormat,
): Finding[] {
  const summary = `${n.ratio(perParameter)} tokens per parameter is ${n.multiple(times)} Chinchilla-optimal`;
  const fix = lengthEdit(training.setting, optimalTokens, 'Chinchilla-optimal');
  switch (band) {
    case 'under-trained':
      return [
        {
          severity: 'warning',
          code: 'under-trained',
          message: `${summary}: ${BAND_LABELS[band]}. The same compute would reach a lower loss with a smaller model trained on more tokens.`,
          span: where,
          fixes: fix ? [fix] : undefined,
        },
      ];
    case 'diminishing':
      return [
        {
          severity: 'information',
          code: 'overtrained-diminishing',
          message: `${summary}: past 16× the loss gains from more tokens shrink fast. Worth it only for cheaper inference.`,
          span: where,
        },
      ];
    case 'negligible':
      return [
        {
          severity: 'warning',
          code: 'overtrained-negligible',
          message: `${summary}: past 24× further tokens hardly improve the loss, and out-of-distribution performance has been seen to drop for large models.`,
          span: where,
          fixes: fix ? [fix] : undefined,
        },
      ];
    default:
      return [];
  }
}

function thresholdFinding(result: ThresholdResult, rule: ThresholdRule, where: Span, cumulative: boolean, n: NumberFormat): Finding | undefined {
  if (rule.status === 'revoked' || result.tier === 'below') return undefined;
  const what = cumulative ? 'Cumulative training compute' : 'Training compute';
  if (result.tier === 'crossed') {
    return {
      severity: 'warning',
      code: 'threshold-crossed',
      // Past 1,000% a share is written as a multiple: "10.5× the threshold", not "10.5× of".
      message: `${what} ${n.flops(result.fraction * rule.flops)} FLOP is ${n.percent(result.fraction)}${result.fraction >= 10 ? '' : ' of'} the ${rule.name} threshold (${n.threshold(rule.flops)} FLOP): ${rule.consequence}.`,
      span: where,
    };
  }
  return {
    severity: 'information',
    code: 'threshold-margin',
    message: `${what} ${n.flops(result.fraction * rule.flops)} FLOP is ${n.percent(result.fraction)} of the ${rule.name} threshold (${n.threshold(rule.flops)} FLOP): within the ±30% margin the Commission allows for estimates, so it may count as crossed.`,
    span: where,
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Messages quote config text; whatever a reader let through, no control character or runaway length leaves the engine. */
const MAX_MESSAGE = 400;

function sortFindings(findings: Finding[]): Finding[] {
  for (let i = 0; i < findings.length; i++) {
    const clean = printable(findings[i].message, MAX_MESSAGE);
    if (clean !== findings[i].message) findings[i] = { ...findings[i], message: clean };
  }
  return findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * The answer for a file whose analysis was stopped (it ran past the host's time limit): nothing
 * read, one finding that says why, so the surfaces show that instead of an old or empty result.
 */
function empty(file: string, syntax: Syntax, findings: Finding[], options: AnalyzeOptions): Analysis {
  return compute(file, syntax, UNKNOWN, {}, { factors: [] }, findings, [], options);
}
