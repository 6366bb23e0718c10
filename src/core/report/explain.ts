import type { Analysis } from '../analyze';
import { ASCII_NUMBERS, compactCount, grouped, type NumberFormat } from './format';
import { chipTime } from '../hardware/mismatch';
import type { Fact } from '../source/fact';
import type { Span } from '../source/tree';

/** What one key of the config contributes to the budget, for a hover on that key. */
export interface KeyExplanation {
  /** The key's span: the range the hover applies to. */
  readonly span: Span;
  readonly key: string;
  /** Sentences such as "MLP (gated): 3 × 4096 × 11008 per layer = 135.3M params (× 32 layers = 4.33B)". */
  readonly contributions: readonly string[];
}

const inside = (span: Span | undefined, offset: number): span is Span => !!span && span.end > span.start && offset >= span.start && offset <= span.end;

/** Explains the key at `offset`, if it is one that drives parameters or training tokens. */
export function explainAt(analysis: Analysis, offset: number, n: NumberFormat = ASCII_NUMBERS): KeyExplanation | undefined {
  const contributions: string[] = [];
  let hit: Fact<unknown> | undefined;
  const onSpan = new Set<string | undefined>();
  for (const part of analysis.model.count?.parts ?? []) {
    const found = part.facts.filter((candidate) => inside(candidate.span, offset));
    const fact = found[0];
    if (!fact) continue;
    hit ??= fact;
    for (const each of found) onSpan.add(each.key);
    const each =
      part.perLayer !== undefined
        ? `${part.formula} per layer = ${compactCount(part.perLayer)} params (× ${part.repeats} layers = ${compactCount(part.total)})`
        : `${part.formula} = ${compactCount(part.total)} params`;
    contributions.push(`${part.label}: ${each}${part.active !== part.total ? `; ${compactCount(part.active)} active` : ''}`);
  }
  const factor = analysis.training.factors.find((candidate) => inside(candidate.span, offset));
  if (factor && analysis.tokens !== null) {
    hit ??= factor;
    contributions.push(`Training tokens: ${analysis.training.derivation} = ${grouped(analysis.tokens)}`);
  }
  const total = analysis.model.total;
  if (total && inside(total.span ?? (total.origin !== 'derived' ? analysis.model.anchor : undefined), offset)) {
    hit ??= total;
    contributions.unshift(
      // A count the user stated is theirs, even when the model's name is also in the catalog.
      analysis.model.catalog && total.origin !== 'user'
        ? `Model ${analysis.model.catalog.id} (${analysis.model.catalog.source ?? 'built-in catalog'}): ${grouped(total.value)} parameters`
        : `Parameters: ${grouped(total.value)}${total.origin === 'user' ? ' (stated as a fact)' : ''}`,
    );
  }
  const adapter = analysis.adapter;
  if (adapter && inside(adapter.span, offset)) {
    const line = `${adapter.kind === 'qlora' ? 'QLoRA' : 'LoRA'} rank ${adapter.rank} on ${adapter.modules.join(', ') || 'no known layer'} (${adapter.source}): ${adapter.formula} = ${grouped(adapter.trainable)} trainable parameters; compute (4·N + 2·N_trainable)·D`;
    if (!hit) return { span: adapter.span, key: 'LoRA adapters', contributions: [line] };
    contributions.push(line);
  }
  const hardware = analysis.hardware;
  const hardwareKey =
    hardware &&
    [hardware.stated.accelerator, hardware.stated.count, hardware.stated.seconds, hardware.stated.acceleratorHours, hardware.stated.peak].find((stated) =>
      inside(stated?.span, offset),
    );
  if (hardware && hardwareKey) {
    const line = `Hardware estimate: ${hardwareDerivation(analysis)} = ${n.flops(hardware.flops)} FLOP`;
    if (!hit) return { span: hardwareKey.span!, key: hardwareKey.key, contributions: [line] };
    contributions.push(line);
  }
  if (!hit) {
    const anchor = analysis.training.anchor;
    if (inside(anchor, offset) && analysis.tokens === null)
      return { span: anchor, key: 'training length', contributions: ['Sets the training length, but the token count is incomplete: see the Problems panel.'] };
    return undefined;
  }
  const span = hit.span!;
  // A key that names a whole model (a Hub id, a builder, a flavor) carries every catalog fact on
  // one span: title it by the model, not by whichever of its facts came first.
  // Facts of several keys on one span (vocab_size, hidden_size… under MaxText's base_config or a Hub
  // id) mean the key names a whole model, whatever the facts' origin.
  const namesModel = hit.origin === 'catalog' || onSpan.size > 1;
  const key = namesModel ? (analysis.model.catalog?.id ?? analysis.model.architecture?.family ?? hit.key) : hit.key;
  return { span, key: key ?? 'value', contributions: [...new Set(contributions)] };
}

/** "1,024 × NVIDIA H100 (SXM) for 30 days × 989.5 TFLOP/s (BF16) × 40% utilisation", as the hardware method multiplies. */
export function hardwareDerivation(analysis: Analysis): string {
  const { stated } = analysis.hardware!;
  const accelerator = stated.accelerator!.value;
  const peak = stated.precision === 'fp8' ? accelerator.fp8 : accelerator.bf16;
  const time = chipTime(stated)!;
  const peakSource = stated.peak ? ` (${stated.peak.key})` : '';
  return `${time.describe(ASCII_NUMBERS, accelerator.name)} × ${((peak ?? 0) / 1e12).toLocaleString('en-US', { maximumFractionDigits: 1 })} TFLOP/s peak (${stated.precision.toUpperCase()})${peakSource} × ${+(stated.mfu.value * 100).toFixed(1)}% utilisation${stated.mfu.key ? '' : ' (assumed)'}`;
}
