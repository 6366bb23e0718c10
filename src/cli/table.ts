import { BAND_LABELS, type OvertrainingBand } from '../core/budget/overtraining';
import { perRun } from '../core/training/hfTrainer/trainerCompute';
import { ADAPTER_CONFIG_NEEDED } from '../core/training/pointedAdapter';
import { ASCII_NUMBERS as n } from '../core/report/format';
import { terminalText } from '../core/text/sanitise';
import { colors, type Colors } from './color';
import type { FileReport } from './report';
import { maxOf } from '../core/numbers/extent';

/** Text from a config or a path on its way to a terminal: no escape sequence, control or bidi override survives. */
const t = (text: unknown) => terminalText(text, 300);

/** How a threshold tier reads, coloured sparingly: crossed red, within the margin yellow. */
export function tierLabel(tier: string, color: Colors): string {
  if (tier === 'crossed') return color.red('CROSSED');
  if (tier === 'within-margin') return color.yellow('within ±30% margin');
  return tier === 'below' ? 'below' : t(tier);
}

/** The threshold rows of a report or a plan: name, the line in FLOP, the share of it reached, the tier. */
export function thresholdRows(thresholds: readonly { name: string; flops: number; status: string; fraction: number; tier: string }[], color: Colors): string[] {
  const names = thresholds.map((threshold) => t(threshold.name) + (threshold.status === 'revoked' ? ' [revoked]' : ''));
  const width = Math.max(0, maxOf(names.map((name) => name.length))) + 2;
  return thresholds.map(
    (threshold, i) =>
      `    ${names[i]!.padEnd(width)}${n.threshold(threshold.flops).padStart(6)} FLOP${n.percent(threshold.fraction).padStart(11)}  ${tierLabel(threshold.tier, color)}`,
  );
}

const FACT_NOTE = /^compute-budget: ([a-z_]+)=$/;

/** One assumption: what it is, its value and where it came from, with no label left without its value. */
function noteLine(note: FileReport['assumptions'][number]): string {
  const value = typeof note.value === 'boolean' ? (note.value ? 'yes' : 'no') : note.value >= 1e6 ? n.count(note.value) : n.grouped(note.value);
  // A fact given by name (`dataset_tokens=1B`) is labelled by that name, with its value.
  const fact = FACT_NOTE.exec(note.note);
  if (fact) return `${fact[1]!.replace(/_/g, ' ')} = ${value} (given as ${fact[1]}=${value})`;
  if (note.what === 'architecture' && typeof note.value === 'number') return `architecture = ${value} parameters (${t(note.origin)}: ${t(note.note)})`;
  const origin = note.origin === 'user' ? 'given' : t(note.origin);
  return `${t(note.what)} = ${value} (${origin}${note.note ? `: ${t(note.note)}` : ''})`;
}

/** The human-readable form of a report: what a person reads in a terminal or a CI log. */
export function formatTable(report: FileReport, color: Colors = colors(false)): string {
  const out: string[] = [`${color.bold(t(report.file))}  (${t(report.format)}, ${t(report.syntax)})`];
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(18)}${value}`);
  const { total, active } = report.parameters;
  const from = report.sources.catalogModel
    ? ` (catalog: ${t(report.sources.catalogModel)})`
    : report.sources.namedModel
      ? ` (${t(report.sources.namedModel)} from the ${t(report.sources.modelSource ?? '')})`
      : report.sources.parameters
        ? ` (${t(report.sources.parameters)})`
        : '';
  row(
    'parameters',
    total === null ? 'unknown' : active !== null && active !== total ? `${n.count(total)} total, ${n.count(active)} active${from}` : `${n.count(total)}${from}`,
  );
  row(
    'training tokens',
    report.tokens === null ? 'unknown' : `${n.count(report.tokens)}${report.sources.tokensDerivation ? ` (${t(report.sources.tokensDerivation)})` : ''}`,
  );
  if (report.fineTune)
    row(
      'fine-tune of',
      `${t(report.fineTune.base)}${report.fineTune.baseFlops !== null ? ` (pretrained on ${n.count(report.fineTune.baseTokens!)} tokens, ${n.flops(report.fineTune.baseFlops)} FLOP)` : ' (its pretraining is not published)'}`,
    );
  if (report.fineTune) row('trainer', `${t(report.fineTune.trainer)}, ${t(report.fineTune.method)} (${t(report.fineTune.trainerReason)})`);
  if (report.adapter)
    row(
      'adapters',
      `${adapterName(report.adapter)} r=${report.adapter.rank} on ${report.adapter.modules.join(', ') || 'no known layer'}: ${n.count(report.adapter.trainable)} trainable parameters`,
    );
  const method =
    report.method === 'hardware'
      ? 'hardware method'
      : report.fineTune?.compute
        ? t(perRun(report.fineTune.compute.formula))
        : report.adapter
          ? '(4N + 2N_trainable)D'
          : '6ND';
  row(
    'compute',
    report.flops === null
      ? 'unknown'
      : `${n.flops(report.flops)} FLOP (${method})${report.flopsWithAttention ? `; ${n.flops(report.flopsWithAttention)} FLOP with attention` : ''}`,
  );
  if (report.method === 'architecture' && report.hardwareFlops !== null)
    row('hardware method', `${n.flops(report.hardwareFlops)} FLOP from the stated accelerators and time`);
  for (const term of report.fineTune?.compute?.terms ?? []) row('  per token', `${t(term.formula)}: ${t(term.what)}`);
  for (const note of report.fineTune?.compute?.notes ?? []) row('  assumes', t(note));
  if (report.fineTune?.share !== null && report.fineTune?.share !== undefined) row('share of base', n.percent(report.fineTune.share));
  if (report.fineTune) row('one-third test', ONE_THIRD[report.fineTune.modifierTest] ?? t(report.fineTune.modifierTest));
  if (report.cumulativeFlops !== null && report.lifecycle.length > 1)
    row('cumulative', `${n.flops(report.cumulativeFlops)} FLOP = ${report.lifecycle.map((part) => `${n.flops(part.flops)} ${t(part.what)}`).join(' + ')}`);
  if (report.tokensPerParameter !== null && report.chinchillaMultiple !== null) {
    const band = BAND_LABELS[report.band as OvertrainingBand] ?? t(report.band ?? '');
    row('tokens/parameter', `${n.ratio(report.tokensPerParameter)} (${n.multiple(report.chinchillaMultiple)} Chinchilla: ${band})`);
  }
  if (report.computeOptimal)
    row('compute-optimal', `${n.count(report.computeOptimal.parameters)} parameters on ${n.count(report.computeOptimal.tokens)} tokens for the same compute`);
  const memory = memoryRow(report);
  if (memory) row('memory/device', memory);
  if (report.throughput) row('step time', stepRow(report.throughput));
  if (report.serving)
    row(
      'KV cache',
      `${n.grouped(report.serving.kvCacheBytesPerToken)} bytes/token (${t(report.serving.kvDtype)})${report.serving.maxTokens !== null ? `; ${n.grouped(report.serving.maxTokens)} tokens fit (vLLM rule)` : ''}`,
    );
  for (const prediction of report.loss) row('predicted loss', `${n.loss(prediction.loss)} nats/token (${t(prediction.label)})`);
  if (report.thresholds.length) {
    out.push(`  ${color.bold('thresholds')} (line, share of it reached, tier)`);
    out.push(...thresholdRows(report.thresholds, color));
    if (report.fineTune?.modifierTest === 'below-one-third' && report.fineTune.baseFlops !== null && report.thresholds.some((row) => row.tier !== 'below'))
      out.push(`    lines passed are passed by ${t(report.fineTune.base)}'s own pretraining: they concern its provider (see the one-third test)`);
  }
  for (const note of report.assumptions) out.push(`  note: ${noteLine(note)}`);
  if (report.diagnostics.length) {
    out.push(`  ${color.bold('diagnostics')}`);
    for (const diagnostic of report.diagnostics) {
      const severity =
        diagnostic.severity === 'error'
          ? color.red(diagnostic.severity.padEnd(11))
          : diagnostic.severity === 'warning'
            ? color.yellow(diagnostic.severity.padEnd(11))
            : diagnostic.severity.padEnd(11);
      out.push(`    ${`${diagnostic.line}:${diagnostic.column}`.padEnd(7)} ${severity} ${t(diagnostic.code).padEnd(24)} ${t(diagnostic.message)}`);
    }
  }
  return out.join('\n');
}

/** The modifier test's outcome in words (the diagnostic says why). */
const ONE_THIRD: Readonly<Record<string, string>> = {
  'below-one-third': 'below one third of the base: not the provider of the modified model',
  'above-one-third': 'above one third of the base: the modifier becomes the provider',
  unknown: 'unknown: needs the compute, or the base with systemic risk or not',
};

function adapterName(adapter: { kind: string; variant?: string }): string {
  const kind = adapter.kind === 'qlora' ? 'QLoRA' : 'LoRA';
  return adapter.variant === 'dora' ? `DoRA (${kind})` : adapter.variant === 'rslora' ? `rsLoRA (${kind})` : kind;
}

const gib = (bytes: number) => `${n.ratio(bytes / 2 ** 30)} GiB`;

/** "71.3 GiB of 79.2 (NVIDIA H100 80GB (SXM)), fits; pipeline stage 0 of 4": the estimate, an estimate. */
function memoryRow(report: FileReport): string | undefined {
  const memory = report.memory;
  if (!memory) return undefined;
  const against = memory.accelerator ? ` of ${gib(memory.accelerator.bytes)} (${t(memory.accelerator.name)}): ${memory.fits ? 'fits' : 'does not fit'}` : '';
  const left = memory.unknown?.length
    ? `; without the adapter's ${memory.unknown.map((part) => part.part).join(', ')} (unknown: needs ${ADAPTER_CONFIG_NEEDED})`
    : '';
  return `${gib(memory.peakBytesPerDevice)} peak allocated${against}; ${t(memory.rank)} (estimate)${left}`;
}

function stepRow(throughput: NonNullable<FileReport['throughput']>): string {
  const days = throughput.days !== null ? `, ${n.days(throughput.days)} days for the run` : '';
  return `${n.ratio(throughput.stepSeconds)} s/step at MFU ${n.percent(throughput.mfu)} (${t(throughput.mfuSource)})${days} (estimate)`;
}
