import type { Analysis } from '../core/analyze';
import type { Severity } from '../core/analysis/findings';
import { modelSource } from '../core/catalog/models';
import { provenanceNotes } from '../core/report/provenance';
import { LineIndex } from '../core/source/lines';
import type { MemoryReport, ServingReport, ThroughputReport } from '../core/memory/report';

/**
 * The JSON contract of `compute-budget analyze --json`, documented in docs/cli.md. Keys are
 * only ever added, never renamed or removed. Unknown numbers are null.
 */
export interface FileReport {
  file: string;
  format: string;
  syntax: string;
  parameters: { total: number | null; active: number | null };
  tokens: number | null;
  flops: number | null;
  /** Which estimation method produced `flops`: `architecture` (6·N·D, or (4·N + 2·N_trainable)·D with adapters) or `hardware`. */
  method: 'architecture' | 'hardware' | null;
  /** The hardware method's estimate when the config states accelerators, count and time. */
  hardwareFlops: number | null;
  flopsWithAttention: number | null;
  /** The run counted per component as MFU counters count it; null without an architecture and a context length. */
  detailedFlops: {
    total: number;
    perToken: number;
    difference: number;
    /** 'causal' (Megatron-LM, MaxText, NeMo) for `total` and `perToken`. */
    convention: 'causal' | 'full';
    /** The run with every key attended (torchtitan, nanoGPT, PaLM MFU counters). */
    fullAttentionTotal: number;
    fullAttentionPerToken: number;
    sequenceLength: number;
    components: { id: string; label: string; perToken: number; formula: string }[];
  } | null;
  cumulativeFlops: number | null;
  /** The parts of `cumulativeFlops`: this run, a fine-tuned base's pretraining, earlier stages, synthetic data. */
  lifecycle: { what: string; flops: number; how: string }[];
  /** A run that starts from pretrained weights; then the Chinchilla fields are null. */
  fineTune: {
    base: string;
    baseTokens: number | null;
    baseFlops: number | null;
    share: number | null;
    /** `sft`, `dpo`, `orpo`, `kto`, `simpo`, `reward`, `ppo`, `grpo`, `rloo`, `distillation`, `continued-pretraining`. */
    trainer: string;
    trainerReason: string;
    /** `full`, `lora`, `qlora`, `dora`, `rslora`, `galore`, `freeze`. */
    method: string;
    /** The trainer's FLOP per token of D, term by term; null without the model's size. */
    compute: {
      perToken: number | null;
      formula: string;
      terms: readonly { what: string; perToken: number; formula: string }[];
      notes: readonly string[];
      needs?: string;
    } | null;
    /** `below-one-third`, `above-one-third` or `unknown`: the Commission guidelines' modifier test. */
    modifierTest: string;
  } | null;
  /** LoRA/QLoRA adapters (`variant`: `dora` or `rslora` when set). */
  adapter: { kind: string; variant?: string; rank: number; modules: string[]; trainable: number } | null;
  tokensPerParameter: number | null;
  chinchillaTokens: number | null;
  chinchillaMultiple: number | null;
  band: string | null;
  computeOptimal: { parameters: number; tokens: number } | null;
  loss: { fit: string; label: string; loss: number }[];
  thresholds: { id: string; name: string; flops: number; status: string; fraction: number; tier: string; stated: string }[];
  /**
   * `catalogModel`: the built-in catalog entry the architecture came from. `namedModel` and
   * `modelSource`: the model the config names and where its architecture was found
   * ("built-in catalog", "Hugging Face cache", "Hugging Face Hub"), null when the file holds it.
   */
  sources: {
    parameters: string | null;
    tokens: string | null;
    tokensDerivation: string | null;
    catalogModel: string | null;
    namedModel: string | null;
    modelSource: string | null;
  };
  assumptions: { what: string; value: number | boolean; origin: string; note: string }[];
  diagnostics: { severity: Severity; code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  /** Peak memory per device of the training run (docs/memory.md); null when not determinable. */
  memory: MemoryReport | null;
  /** Step time and days, an estimate; null without an accelerator, its count and a global batch. */
  throughput: ThroughputReport | null;
  /** KV-cache bytes per token and, with an accelerator, the tokens that fit. */
  serving: ServingReport | null;
}

export function fileReport(analysis: Analysis, text: string): FileReport {
  const lines = new LineIndex(text);
  const catalog = analysis.model.catalog;
  return {
    file: analysis.file,
    format: analysis.framework,
    syntax: analysis.syntax,
    parameters: analysis.parameters,
    tokens: analysis.tokens,
    flops: analysis.flops,
    method: analysis.method,
    hardwareFlops: analysis.hardware?.flops ?? null,
    flopsWithAttention: analysis.flopsWithAttention,
    detailedFlops: analysis.detailedFlops
      ? {
          total: analysis.detailedFlops.total,
          perToken: analysis.detailedFlops.perToken,
          difference: analysis.detailedFlops.difference,
          convention: analysis.detailedFlops.convention,
          fullAttentionTotal: analysis.detailedFlops.fullAttentionTotal,
          fullAttentionPerToken: analysis.detailedFlops.fullAttentionPerToken,
          sequenceLength: analysis.detailedFlops.sequenceLength,
          components: analysis.detailedFlops.components.map((component) => ({ ...component })),
        }
      : null,
    cumulativeFlops: analysis.cumulativeFlops,
    lifecycle: analysis.lifecycle?.parts.map((part) => ({ ...part })) ?? [],
    fineTune: analysis.fineTune && { ...analysis.fineTune },
    adapter: analysis.adapter && {
      kind: analysis.adapter.kind,
      ...(analysis.adapter.variant ? { variant: analysis.adapter.variant } : {}),
      rank: analysis.adapter.rank,
      modules: [...analysis.adapter.modules],
      trainable: analysis.adapter.trainable,
    },
    tokensPerParameter: analysis.tokensPerParameter,
    chinchillaTokens: analysis.chinchillaTokens,
    chinchillaMultiple: analysis.chinchillaMultiple,
    band: analysis.band,
    computeOptimal: analysis.computeOptimal,
    loss: analysis.loss.map((prediction) => ({ ...prediction })),
    thresholds: analysis.thresholds.map(({ id, name, flops, status, fraction, tier, stated }) => ({ id, name, flops, status, fraction, tier, stated })),
    sources: {
      parameters: analysis.model.total?.origin ?? null,
      tokens: analysis.training.tokens?.origin ?? null,
      tokensDerivation: analysis.training.derivation ?? null,
      catalogModel: catalog && !catalog.source ? catalog.id : null,
      namedModel: catalog?.id ?? null,
      modelSource: catalog ? modelSource(catalog) : null,
    },
    assumptions: provenanceNotes(analysis).map((note) => ({ ...note })),
    diagnostics: analysis.findings.map((finding) => {
      const start = lines.position(finding.span.start);
      const end = lines.position(finding.span.end);
      return {
        severity: finding.severity,
        code: finding.code,
        message: finding.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    }),
    memory: analysis.memory,
    throughput: analysis.throughput,
    serving: analysis.serving,
  };
}

/** A report for a file that could not be read at all (missing, a directory, unreadable). */
export function unreadableReport(file: string, reason: string): FileReport {
  return {
    file,
    format: 'unknown',
    syntax: 'unknown',
    parameters: { total: null, active: null },
    tokens: null,
    flops: null,
    method: null,
    hardwareFlops: null,
    flopsWithAttention: null,
    detailedFlops: null,
    cumulativeFlops: null,
    lifecycle: [],
    fineTune: null,
    adapter: null,
    tokensPerParameter: null,
    chinchillaTokens: null,
    chinchillaMultiple: null,
    band: null,
    computeOptimal: null,
    loss: [],
    thresholds: [],
    sources: { parameters: null, tokens: null, tokensDerivation: null, catalogModel: null, namedModel: null, modelSource: null },
    assumptions: [],
    diagnostics: [{ severity: 'error', code: 'unreadable-file', message: reason, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    memory: null,
    throughput: null,
    serving: null,
  };
}
