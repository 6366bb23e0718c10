import { fineTuneShareBasis } from './shareBasis';
import type { Analysis } from '../analyze';
import { perRun } from '../training/hfTrainer/trainerCompute';
import { hardwareDerivation } from './explain';
import { ESTIMATION_MARGIN, EU_NOTIFICATION_DUTY, THRESHOLD_RULES, THRESHOLD_RULES_VERSION } from '../budget/thresholds';
import { ASCII_NUMBERS, type NumberFormat } from './format';
import { markdownCell as cell } from '../text/sanitise';
import { missingInputs, statementFacts, statementModel, statementModification, unknownThresholdRows } from './statementParts';
import type { StatementFact, StatementModel, StatementModification } from './statementParts';

/**
 * A compute statement a person can hand to a compliance colleague: the estimate to two
 * significant figures with its method and inputs, what was assumed, the ±30% band the Commission
 * accepts, every threshold with its status and date, and the notification deadline where one applies.
 */
export interface ComputeStatement {
  readonly schema: 'compute-budget/statement@1';
  readonly file: string;
  /** When it was issued (YYYY-MM-DD) and by which tool version, as the host states them. */
  readonly issued: string | null;
  readonly tool: string;
  /** The model as written and as resolved, and why they differ. */
  readonly model: StatementModel;
  /** Every number not read from the file, with its value and source. */
  readonly facts: readonly StatementFact[];
  /** For a fine-tune: trainer, formula, base and the one-third test; null for pretraining. */
  readonly modification: StatementModification | null;
  /** The cumulative estimate as a notification states it ("5.9e23 FLOP"), or null when unknown. */
  readonly estimate: string | null;
  readonly flops: number | null;
  readonly band: { readonly low: number; readonly high: number } | null;
  readonly methods: readonly {
    readonly method: 'architecture' | 'hardware';
    readonly flops: number;
    readonly formula: string;
    readonly inputs: readonly string[];
  }[];
  readonly lifecycle: readonly { readonly what: string; readonly flops: number; readonly how: string }[];
  readonly excluded: readonly string[];
  readonly assumptions: readonly string[];
  readonly thresholds: readonly {
    readonly id: string;
    readonly name: string;
    readonly jurisdiction: string;
    readonly flops: number;
    readonly status: string;
    readonly date: string;
    /** Null when the estimate is unknown; `tier` then says what it needs ("unknown: needs …"). */
    readonly fraction: number | null;
    readonly tier: string;
    readonly consequence: string;
  }[];
  readonly notification: string | null;
  readonly rulesVersion: string;
  readonly warnings: readonly string[];
}

/** What the host knows and the core does not: today's date and the tool's version. */
export interface StatementIssue {
  readonly issued?: string;
  readonly toolVersion?: string;
}

export function computeStatement(analysis: Analysis, n: NumberFormat = ASCII_NUMBERS, issue: StatementIssue = {}): ComputeStatement {
  const flops = analysis.cumulativeFlops;
  // JSON and the terminal keep to ASCII; the editor's document uses the multiplication sign.
  const x = n === ASCII_NUMBERS ? 'x' : '×';
  const methods: ComputeStatement['methods'][number][] = [];
  const active = analysis.parameters.active;
  if (analysis.method === 'architecture' && analysis.flops !== null && active !== null && analysis.tokens !== null) {
    const adapter = analysis.adapter;
    methods.push({
      method: 'architecture',
      flops: analysis.flops,
      formula: analysis.fineTune?.compute
        ? perRun(analysis.fineTune.compute.formula, '·').replace(/·/g, ` ${x} `)
        : adapter
          ? `(4 ${x} N + 2 ${x} N_trainable) ${x} D`
          : `6 ${x} N ${x} D`,
      inputs: [
        `N = ${n.grouped(active)} parameters${analysis.parameters.total !== active ? ` active (of ${n.grouped(analysis.parameters.total!)})` : ''}`,
        ...(adapter
          ? [
              `N_trainable = ${n.grouped(adapter.trainable)} (${adapter.kind === 'qlora' ? 'QLoRA' : 'LoRA'} rank ${adapter.rank} on ${adapter.modules.join(', ')})`,
            ]
          : []),
        `D = ${n.grouped(analysis.tokens)} tokens${analysis.training.derivation ? ` (${analysis.training.derivation})` : ''}`,
      ],
    });
  }
  if (analysis.hardware) {
    methods.push({
      method: 'hardware',
      flops: analysis.hardware.flops,
      formula: `accelerators ${x} time ${x} peak ${x} utilisation`,
      inputs: [hardwareDerivation(analysis)],
    });
  }
  const warnings: string[] = [];
  const [first, second] = methods;
  if (first && second && Math.abs(second.flops / first.flops - 1) > ESTIMATION_MARGIN)
    warnings.push(`The two methods differ by more than ${n.percent(ESTIMATION_MARGIN)}; the architecture method's figure is stated.`);
  if (flops === null) warnings.push(`The compute cannot be estimated from this file; it ${missingInputs(analysis).replace(/^unknown: /, '')}.`);
  const eu = analysis.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic');
  // A modifier below one third does not take over its base's duties: a crossing by the base is not this user's notification.
  const baseOnly = analysis.fineTune?.modifierTest === 'below-one-third' && analysis.fineTune.baseFlops !== null;
  const notification =
    eu && eu.tier !== 'below' && !baseOnly
      ? `EU AI Act systemic risk, ${n.threshold(eu.flops)} FLOP: ${EU_NOTIFICATION_DUTY}${eu.tier === 'within-margin' ? ' The estimate is within the ±30% margin below the threshold, so it may count as met.' : ''}`
      : null;
  const chosen = analysis.thresholds.map((threshold) => threshold.id);
  return {
    schema: 'compute-budget/statement@1',
    file: analysis.file,
    issued: issue.issued ?? null,
    tool: `compute-budget ${issue.toolVersion ?? '(version not given)'}`,
    model: statementModel(analysis),
    facts: statementFacts(analysis, n),
    modification: statementModification(analysis, n),
    estimate: flops !== null ? `${n.flops(flops)} FLOP` : null,
    flops,
    band: flops !== null ? { low: flops * (1 - ESTIMATION_MARGIN), high: flops * (1 + ESTIMATION_MARGIN) } : null,
    methods,
    lifecycle: analysis.lifecycle?.parts.map((part) => ({ ...part })) ?? [],
    excluded: analysis.lifecycle?.excluded ?? [],
    assumptions: statementFacts(analysis, n).map((item) => `${item.what}: ${item.value} (${item.origin}${item.source ? `: ${item.source}` : ''})`),
    thresholds:
      flops === null
        ? unknownRows(analysis, chosen)
        : analysis.thresholds.map((threshold) => {
            const rule = THRESHOLD_RULES.find((candidate) => candidate.id === threshold.id)!;
            return {
              id: threshold.id,
              name: threshold.name,
              jurisdiction: rule.jurisdiction,
              flops: threshold.flops,
              status: rule.status,
              date: rule.date,
              fraction: threshold.fraction,
              tier: threshold.tier,
              consequence: rule.consequence,
            };
          }),
    notification,
    rulesVersion: THRESHOLD_RULES_VERSION,
    warnings,
  };
}

function unknownRows(analysis: Analysis, chosen: readonly string[]): ComputeStatement['thresholds'][number][] {
  return unknownThresholdRows(analysis, chosen.length ? chosen : undefined).map(({ rule, needs }) => ({
    id: rule.id,
    name: rule.name,
    jurisdiction: rule.jurisdiction,
    flops: rule.flops,
    status: rule.status,
    date: rule.date,
    fraction: null,
    tier: needs,
    consequence: rule.consequence,
  }));
}

/** The statement as a Markdown document that reads well on its own. */
export function statementMarkdown(statement: ComputeStatement, n: NumberFormat = ASCII_NUMBERS): string {
  const out = [`# Training compute statement: ${cell(statement.file)}`, ''];
  out.push(`Issued ${statement.issued ?? '(date not given)'} with ${cell(statement.tool)}; threshold rules as of ${statement.rulesVersion}.`, '');
  const model = statement.model;
  if (model.asWritten || model.resolved) {
    out.push('## Model', '');
    if (model.asWritten) out.push(`- As written: ${cell(model.asWritten)}`);
    if (model.resolved) out.push(`- Figures from: ${cell(model.resolved)}${model.resolvedFrom ? ` (${cell(model.resolvedFrom)})` : ''}`);
    if (model.difference) out.push(`- ${cell(model.difference)}`);
    out.push('');
  }
  const mod = statement.modification;
  if (mod) {
    out.push('## Modification of a base model', '');
    out.push(`- Trainer: ${cell(mod.trainer)}, ${cell(mod.method)}${mod.formula ? `; per token of D: ${cell(mod.formula)}` : ''}`);
    for (const term of mod.terms) out.push(`  - ${cell(term)}`);
    out.push(
      `- Base: ${cell(mod.base)}${mod.baseTokens !== null ? `, pretrained on ${n.count(mod.baseTokens)} tokens${mod.baseTokensSource ? ` (${cell(mod.baseTokensSource)})` : ''}` : ', pretraining not published'}${mod.baseFlops !== null ? `, ${n.flops(mod.baseFlops)} FLOP (6·N·D)` : ''}`,
    );
    out.push(`- One-third test (${mod.modifierTest}): ${cell(mod.conclusion)}`, '');
  }
  out.push(
    statement.estimate
      ? `**Estimated cumulative training compute: ${statement.estimate}** (two significant figures; the Commission accepts estimates within ±30%: ${n.flops(statement.band!.low)} to ${n.flops(statement.band!.high)} FLOP).`
      : '**The training compute cannot be estimated from this file.**',
    '',
  );
  if (statement.methods.length) {
    out.push('## Method', '');
    for (const method of statement.methods) {
      out.push(`- **${method.method === 'architecture' ? 'Architecture-based' : 'Hardware-based'}**: ${cell(method.formula)} = ${n.flops(method.flops)} FLOP`);
      for (const input of method.inputs) out.push(`  - ${cell(input)}`);
    }
    out.push('');
  }
  if (statement.lifecycle.length) {
    out.push('## What is counted', '', '| Part | FLOP | How |', '|---|---|---|');
    for (const part of statement.lifecycle) out.push(`| ${cell(part.what)} | ${n.flops(part.flops)} | ${cell(part.how)} |`);
    out.push('', `Not counted: ${statement.excluded.map(cell).join('; ')}.`, '');
  }
  if (statement.assumptions.length) out.push('## Assumptions and sources', '', ...statement.assumptions.map((line) => `- ${cell(line)}`), '');
  out.push('## Thresholds', '', '| Rule | Jurisdiction | Threshold | Status | Date | Share | Tier |', '|---|---|---|---|---|---|---|');
  for (const threshold of statement.thresholds)
    out.push(
      `| ${cell(threshold.name)} | ${cell(threshold.jurisdiction)} | ${n.threshold(threshold.flops)} FLOP | ${threshold.status} | ${threshold.date} | ${threshold.fraction === null ? '—' : n.percent(threshold.fraction)} | ${cell(threshold.tier)} |`,
    );
  // A fine-tune's shares are mostly its base's: the same words as the hover and the inline summary.
  const basis = fineTuneShareBasis(mod);
  out.push('', `${basis ? `Shares are of the compute of ${basis}. ` : ''}Threshold rules as of ${statement.rulesVersion}.`, '');
  if (
    mod?.modifierTest === 'below-one-third' &&
    mod.baseFlops !== null &&
    statement.thresholds.some((row) => row.tier === 'crossed' || row.tier === 'within-margin')
  )
    out.push(
      `Lines the cumulative total passes are passed by ${cell(mod.base)}'s own pretraining; they concern its provider (see the one-third test above).`,
      '',
    );
  if (statement.notification) out.push('## Notification', '', cell(statement.notification), '');
  if (statement.warnings.length) out.push('## Notes', '', ...statement.warnings.map((line) => `- ${cell(line)}`), '');
  out.push('*Prepared with Compute Budget from the configuration file named above. An estimate, not legal advice.*', '');
  return out.join('\n');
}
