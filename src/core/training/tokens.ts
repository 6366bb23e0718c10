import { ADD_GPUS_FIX, type Finding } from '../analysis/findings';
import { userFact, type UserFact } from '../source/directives';
import { fact, type Fact } from '../source/fact';
import type { TrainingKeys } from './trainingKeys';
import { isDuration, parseDuration, type Duration } from '../source/quantity';
import type { Span } from '../source/tree';
import { dotted, spanOfEntry, type ConfigView, type Located } from '../source/view';

export interface TokenResult {
  readonly tokens?: Fact;
  /** How the count was reached, e.g. "143,000 steps × 8 micro-batch × 2 accumulation × 64 data-parallel × 2,048 tokens". */
  readonly derivation?: string;
  /** The facts multiplied together, for hovers on any of their keys. */
  readonly factors: readonly Fact[];
  /** The key that fixes the training length: where the inline summary goes. */
  readonly anchor?: Span;
  /** The value a quick fix may rewrite to change the length, and how to write a new one. */
  readonly setting?: LengthSetting;
}

export interface LengthSetting {
  readonly span: Span;
  /** 'tokens': the value is a token count; 'steps': optimizer steps of `tokensPerStep` tokens. */
  readonly kind: 'tokens' | 'steps';
  readonly tokensPerStep?: number;
  /** The unit suffix the value was written with (`T`, `tok`, `ba`), kept when rewriting it. */
  readonly suffix: string;
  /** True when written with a magnitude suffix such as `1.4T`, so a rewrite uses one too. */
  readonly magnitude: boolean;
  /** Written as a quoted string (`"1.4T"` in JSON): the rewrite keeps the quotes. */
  readonly quoted?: boolean;
}

const fmt = (value: number) => value.toLocaleString('en-US');

/**
 * Training tokens from whatever the config states: a direct count, a Composer/OLMo duration,
 * steps × global batch × sequence length, micro batch × accumulation × data-parallel size,
 * or epochs × dataset tokens. Missing facts become findings that say what to add.
 */
export function readTokens(view: ConfigView, keys: TrainingKeys, facts: readonly UserFact[], findings: Finding[]): TokenResult {
  const supplied = userFact(facts, 'tokens');
  if (supplied)
    return {
      tokens: fact(supplied.value, 'user', { span: supplied.span, note: 'compute-budget: tokens=' }),
      derivation: 'stated by a compute-budget fact',
      factors: [],
      anchor: supplied.span,
    };

  const sequence = () =>
    view.count((keys.sequenceUnder && view.find(keys.sequence, { under: keys.sequenceUnder })) ?? view.find(keys.sequence), 'a sequence length', {
      integer: true,
      positive: true,
    });
  const steps = (located: Located | undefined, duration?: Duration) => {
    if (!located) return undefined;
    return duration
      ? fact(duration.value, 'config', { key: dotted(located), span: located.entry.keySpan })
      : view.count(located, 'a number of steps', { integer: true });
  };

  // 1. A duration (Composer, OLMo) may state tokens, batches or epochs.
  const durationKey = keys.durationKeys.length > 0 ? view.find(keys.durationKeys) : undefined;
  const durationText = view.text(durationKey);
  let duration: Duration | undefined;
  if (durationKey && durationText !== undefined) {
    const parsed = parseDuration(durationText);
    if (isDuration(parsed)) duration = parsed;
    else if (parsed.why === 'negative')
      view.report(
        durationKey,
        'error',
        'negative-value',
        `${dotted(durationKey)}: "${durationText.slice(0, 40)}" is negative; a training length must be zero or more.`,
      );
    else
      view.report(
        durationKey,
        'error',
        parsed.why === 'not-finite' ? 'out-of-range' : 'invalid-number',
        `${dotted(durationKey)}: "${durationText.slice(0, 40)}" is not a duration; write e.g. 2e12T (tokens), 63900ba (batches) or 1ep (epochs).`,
      );
  }
  // With epochs, a token count in a `dataset` section is the dataset's size, not the run's length.
  const epochsStated = duration?.unit === 'epochs' || view.find(keys.epochs) !== undefined;
  // A list under a token key (NeMo's `spl_tokens.tokens: ["translate", ...]`: special tokens) names
  // tokens; it never counts them.
  const found = view.find(keys.direct);
  const located = found?.entry.value.kind === 'seq' ? undefined : found;
  const datasetSize = epochsStated && located && located.path.slice(0, -1).some((part) => /^dataset/i.test(part)) ? located : undefined;
  const direct =
    duration?.unit === 'tokens' && durationKey
      ? fact(duration.value, 'config', { key: dotted(durationKey), span: durationKey.entry.keySpan })
      : datasetSize
        ? undefined
        : view.count(located, 'a number of tokens', { atLeastOne: true });
  const directKey = duration?.unit === 'tokens' ? durationKey : datasetSize ? undefined : located;

  // 2. Steps × batch × sequence length.
  const stepsKey =
    duration && (duration.unit === 'batches' || duration.unit === 'steps')
      ? durationKey
      : ((keys.stepsUnder && view.find(keys.steps, { under: keys.stepsUnder })) ?? view.find(keys.steps));
  const stepCount = steps(stepsKey, duration && (duration.unit === 'batches' || duration.unit === 'steps') ? duration : undefined);
  const perStep = stepCount ? readBatchTokens(view, keys, facts, sequence, findings) : undefined;
  const fromSteps = stepCount && perStep?.tokens !== undefined ? stepCount.value * perStep.tokens : undefined;

  if (direct && directKey) {
    if (fromSteps !== undefined && Math.abs(fromSteps / direct.value - 1) > 0.05) {
      findings.push({
        severity: 'warning',
        code: 'token-mismatch',
        message: `${dotted(directKey)} says ${fmt(direct.value)} tokens, but ${perStep!.derivation.replace('{steps}', fmt(stepCount!.value))} = ${fmt(fromSteps)}. Training stops at whichever limit comes first; the smaller is used.`,
        span: spanOfEntry(directKey.entry),
      });
      if (fromSteps < direct.value)
        return {
          tokens: fact(fromSteps, 'derived'),
          derivation: perStep!.derivation.replace('{steps}', fmt(stepCount!.value)),
          factors: [stepCount!, ...perStep!.factors],
          anchor: stepsKey!.entry.keySpan,
        };
    }
    return {
      tokens: direct,
      derivation: `stated in ${dotted(directKey)}`,
      factors: [direct],
      anchor: directKey.entry.keySpan,
      setting: settingOf(directKey, 'tokens'),
    };
  }
  if (stepCount && stepsKey) {
    if (fromSteps !== undefined)
      return {
        tokens: fact(fromSteps, 'derived'),
        derivation: perStep!.derivation.replace('{steps}', fmt(stepCount.value)),
        factors: [stepCount, ...perStep!.factors],
        anchor: stepsKey.entry.keySpan,
        setting: settingOf(stepsKey, 'steps', perStep!.tokens),
      };
    return { factors: [], anchor: stepsKey.entry.keySpan };
  }

  // 3. Epochs × dataset size.
  const epochKey = duration?.unit === 'epochs' ? durationKey : view.find(keys.epochs);
  const epochs =
    duration?.unit === 'epochs' && durationKey
      ? fact(duration.value, 'config', { key: dotted(durationKey), span: durationKey.entry.keySpan })
      : view.count(epochKey, 'a number of epochs', { positive: true });
  if (epochs && epochKey) {
    const supplied = userFact(facts, 'dataset_tokens');
    const datasetKey = view.find(keys.datasetTokens ?? []) ?? datasetSize;
    const dataset = supplied
      ? fact(supplied.value, 'user', { span: supplied.span, note: 'compute-budget: dataset_tokens=' })
      : view.count(datasetKey, 'a dataset size in tokens', { atLeastOne: true });
    if (dataset) {
      return {
        tokens: fact(epochs.value * dataset.value, 'derived'),
        derivation: `${fmt(epochs.value)} ${epochs.value === 1 ? 'epoch' : 'epochs'} × ${fmt(dataset.value)} dataset tokens`,
        factors: [epochs, dataset],
        anchor: epochKey.entry.keySpan,
      };
    }
    if (datasetKey) return { factors: [], anchor: epochKey.entry.keySpan };
    findings.push({
      severity: 'warning',
      code: 'missing-dataset-size',
      span: spanOfEntry(epochKey.entry),
      message: `Training runs ${fmt(epochs.value)} ${epochs.value === 1 ? 'epoch' : 'epochs'} over a dataset whose size in tokens is not in the file, so the token count is unknown. Add it with a \`# compute-budget: dataset_tokens=…\` comment.`,
      fixes: [{ kind: 'add-fact', fact: 'dataset_tokens', title: 'Add the dataset size in tokens (compute-budget comment)' }],
    });
    return { factors: [], anchor: epochKey.entry.keySpan };
  }
  return { factors: [] };
}

function settingOf(located: Located, kind: LengthSetting['kind'], tokensPerStep?: number): LengthSetting | undefined {
  const node = located.entry.value;
  if (node.kind !== 'scalar' || (typeof node.value === 'string' && node.value.includes('${'))) return undefined;
  const written = node.source ?? String(node.value);
  const suffix = /(tok|T|ba|sp)$/.exec(written)?.[1] ?? '';
  const isDurationKey = /duration/i.test(located.entry.key);
  const quoted = typeof node.value === 'string' && node.source === undefined;
  return { span: node.span, kind, tokensPerStep, suffix: isDurationKey ? suffix : '', magnitude: !isDurationKey && /[kKmMbBgGtT]$/.test(written), quoted };
}

interface BatchTokens {
  readonly tokens?: number;
  /** With a `{steps}` placeholder for the step count. */
  readonly derivation: string;
  readonly factors: readonly Fact[];
}

/** Tokens per optimizer step: global batch × sequence length, or micro × accumulation × data-parallel × sequence length. */
function readBatchTokens(
  view: ConfigView,
  keys: TrainingKeys,
  facts: readonly UserFact[],
  sequence: () => Fact | undefined,
  findings: Finding[],
): BatchTokens | undefined {
  const seq = sequence();
  const globalBatch = view.count(view.find(keys.globalBatch), 'a global batch size', { integer: true, positive: true });
  if (globalBatch) {
    if (!seq) return { derivation: '', factors: [] };
    return {
      tokens: globalBatch.value * seq.value,
      derivation: `{steps} steps × ${fmt(globalBatch.value)} sequences × ${fmt(seq.value)} tokens`,
      factors: [globalBatch, seq],
    };
  }
  const microKey = view.find(keys.microBatch);
  const micro = view.count(microKey, 'a micro-batch size', { integer: true, positive: true });
  if (!micro || !microKey) return { derivation: '', factors: [] };
  const accumulation =
    view.count(view.find(keys.accumulation), 'a number of accumulation steps', { integer: true, positive: true }) ??
    fact(1, 'assumed', { note: 'no gradient accumulation key' });
  const parallel = dataParallel(view, keys, facts);
  if (!parallel) {
    findings.push({
      severity: 'warning',
      code: 'missing-data-parallel',
      span: spanOfEntry(microKey.entry),
      message: `${dotted(microKey)} is per accelerator, and the number of accelerators is not in the file, so the tokens per step are unknown. Add it with a \`# compute-budget: gpus=…\` comment (the data-parallel size is gpus ÷ model-parallel ÷ pipeline-parallel).`,
      fixes: [ADD_GPUS_FIX],
    });
    return { derivation: '', factors: [] };
  }
  if (!seq) return { derivation: '', factors: [] };
  return {
    tokens: micro.value * accumulation.value * parallel.value * seq.value,
    derivation: `{steps} steps × ${fmt(micro.value)} micro-batch × ${fmt(accumulation.value)} accumulation × ${fmt(parallel.value)} data-parallel × ${fmt(seq.value)} tokens`,
    factors: [micro, accumulation, parallel, seq],
  };
}

/** Replicas of the model: stated, or accelerators ÷ (tensor parallel × pipeline parallel). */
function dataParallel(view: ConfigView, keys: TrainingKeys, facts: readonly UserFact[]): Fact | undefined {
  const stated = userFact(facts, 'data_parallel');
  if (stated) return fact(stated.value, 'user', { span: stated.span, note: 'compute-budget: data_parallel=' });
  // A degree of 0 means "not split" (GPT-NeoX writes `pipe_parallel_size: 0` for no pipeline).
  const tensor = Math.max(1, view.count(view.find(keys.tensorParallel), 'a tensor-parallel size', { integer: true })?.value ?? 1);
  const pipeline = Math.max(1, view.count(view.find(keys.pipelineParallel), 'a pipeline-parallel size', { integer: true })?.value ?? 1);
  const gpus = userFact(facts, 'gpus');
  const accelerators: number | undefined = gpus?.value ?? keys.accelerators?.(view)?.value;
  if (accelerators === undefined) return undefined;
  const value = Math.max(1, Math.floor(accelerators / (tensor * pipeline)));
  return fact(value, gpus ? 'user' : 'derived', {
    span: gpus?.span,
    note: `${fmt(accelerators)} accelerators ÷ (${tensor} tensor × ${pipeline} pipeline parallel)`,
  });
}
