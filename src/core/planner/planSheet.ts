import { UNICODE_NUMBERS, type NumberFormat } from '../report/format';
import { markdownCell as escape } from '../text/sanitise';
import { splitNote } from '../lab/splitText';
import type { PlanResult } from './plan';
import { describeTarget } from './parseTarget';
import { gib } from '../memory/units';
import { layoutRows, type PlanLayouts } from './planLayouts';

/**
 * The whole plan as rows a person reads: what the plan view shows beside the chart, and the
 * Markdown it copies. Built from the same PlanResult the command line prints.
 */
export interface PlanSheet {
  readonly title: string;
  readonly sections: readonly PlanSection[];
  readonly warnings: readonly string[];
}

export interface PlanSection {
  readonly heading: string;
  readonly rows: readonly PlanRow[];
}

export interface PlanRow {
  readonly label: string;
  readonly value: string;
  /** How the row should stand out: a crossed threshold, one within the ±30% margin. */
  readonly tone?: 'crossed' | 'margin' | 'revoked';
  /** A second line under the value: a notification duty, a source. */
  readonly note?: string;
}

const TIERS = { below: 'below', 'within-margin': 'within the ±30% margin', crossed: 'crossed' } as const;

/** The open config's run laid out on the plan's accelerator, with its own model's size (which may not be the plan's). */
export interface SheetLayouts {
  readonly layouts: PlanLayouts;
  readonly parameters: number | null;
}

export function planSheet(result: PlanResult, n: NumberFormat = UNICODE_NUMBERS, layouts?: SheetLayouts): PlanSheet {
  const sections: PlanSection[] = [];
  sections.push({
    heading: 'Model and data',
    rows: [
      { label: 'Compute budget', value: `${n.flops(result.budgetFlops)} FLOP` },
      { label: 'Parameters (N)', value: n.count(result.parameters) },
      { label: 'Training tokens (D)', value: n.count(result.tokens) },
      { label: 'Tokens per parameter', value: `${n.ratio(result.tokensPerParameter)} (${n.multiple(result.chinchillaMultiple)} Chinchilla)` },
      { label: 'Training compute (6·N·D)', value: `${n.flops(result.flops)} FLOP` },
    ],
  });

  if (result.hardware) {
    const hw = result.hardware;
    const rows: PlanRow[] = [
      {
        label: 'Accelerators',
        value: `${n.grouped(hw.count)} × ${hw.acceleratorName}`,
        note: `${hw.precision.toUpperCase()} peak ${(hw.peakFlopsPerSecond / 1e12).toLocaleString('en-US', { maximumFractionDigits: 1 })} TFLOP/s dense; ${hw.peakSource}`,
      },
      { label: 'Utilisation (MFU)', value: n.percent(hw.mfu) },
      { label: 'Accelerator-hours', value: n.grouped(hw.acceleratorHours) },
      { label: 'Wall-clock', value: `${n.days(hw.wallClockDays)} days` },
    ];
    rows.push(
      hw.cost !== null
        ? { label: 'Cost', value: n.grouped(hw.cost), note: `at ${hw.pricePerAcceleratorHour} per accelerator-hour (your currency)` }
        : { label: 'Cost', value: 'no price set', note: 'computeBudget.planner.pricePerAcceleratorHour' },
    );
    sections.push({ heading: 'Hardware', rows });
  }

  if (result.inference) {
    const inf = result.inference;
    sections.push({
      heading: 'Inference-aware',
      rows: [
        { label: 'Tokens served', value: `${n.count(inf.inferenceTokens)} (${n.flops(inf.inferenceFlops)} FLOP)` },
        { label: 'Lifetime compute', value: `${n.flops(inf.totalFlops)} FLOP` },
        {
          label: 'Compute-optimal instead',
          value: `${n.count(inf.reference.parameters)} on ${n.count(inf.reference.tokens)}: ${n.flops(inf.reference.totalFlops)} FLOP over its life`,
          note: `this plan saves ${n.percent(inf.saving)}`,
        },
      ],
    });
  }

  sections.push({
    heading: 'Predicted loss',
    rows: [
      ...result.loss.map((prediction) => ({ label: prediction.label, value: `${n.loss(prediction.loss)} nats/token` })),
      {
        label: result.optima.fit === 'workspace' ? `Loss-optimal for this budget (${result.loss[0]!.label})` : 'Loss-optimal for this budget',
        value: `${n.count(result.optima.byFit.parameters)} on ${n.count(result.optima.byFit.tokens)}: ${n.loss(result.optima.byFit.loss)}`,
        ...(result.optima.byFit.uncertainty ? { note: splitNote(result.optima.byFit.uncertainty, n) } : {}),
      },
      {
        label: 'Kaplan et al. 2020 allocation',
        value: `${n.count(result.optima.kaplan.parameters)} on ${n.count(result.optima.kaplan.tokens)}: ${n.loss(result.optima.kaplan.loss)}`,
      },
    ],
  });

  sections.push({
    heading: 'Regulatory thresholds',
    rows: result.thresholds.map((threshold): PlanRow => {
      const revoked = threshold.status === 'revoked';
      const tier = revoked ? 'revoked' : TIERS[threshold.tier];
      const tone = revoked ? 'revoked' : threshold.tier === 'crossed' ? 'crossed' : threshold.tier === 'within-margin' ? 'margin' : undefined;
      return {
        label: `${threshold.name} (${threshold.jurisdiction})`,
        value: `${n.threshold(threshold.flops)} FLOP: ${n.percent(threshold.fraction)}, ${tier}`,
        tone,
        note:
          [threshold.duty ?? (threshold.tier !== 'below' && !revoked ? threshold.consequence : undefined), threshold.cost?.note].filter(Boolean).join(' ') ||
          undefined,
      };
    }),
  });

  if (layouts) sections.push(layoutsSection(layouts, n));
  return { title: `Plan: ${describeTarget(result.target)}`, sections, warnings: result.warnings };
}

/**
 * "Layouts that fit": the rows `plan --config` prints, for the config's own model (the plan may size
 * another). Shown, never written: the write-back edits only a file's size and training length.
 */
function layoutsSection({ layouts, parameters }: SheetLayouts, n: NumberFormat): PlanSection {
  const on = layouts.accelerator ? `${layouts.accelerator.name}, ${gib(layouts.accelerator.bytes)} each` : 'an accelerator the table does not know';
  const rows: PlanRow[] = [
    {
      label: 'Run',
      value: `${layouts.file}${parameters ? ` (its own ${n.count(parameters)} model)` : ''} on ${on}`,
      note: 'the fewest accelerators at which the busiest device’s estimated peak stays within 90% of it',
    },
  ];
  for (const row of layoutRows(layouts, '×'))
    rows.push({
      label: row.label === 'as written' ? 'As written' : row.label,
      value: row.value,
      note: row.rank ? `busiest: ${row.rank}` : undefined,
      tone: row.over ? 'crossed' : undefined,
    });
  if (layouts.held.length)
    rows.push({
      label: 'Held as written',
      value: layouts.held.join(', '),
      note: 'shown, not written: set these keys in the file yourself; the plan writes only size and training length',
    });
  if (layouts.reason) rows.push({ label: 'No layout', value: layouts.reason });
  return { heading: 'Layouts that fit', rows };
}

/** The plan as a Markdown document that reads well on its own (pasted into an issue or a doc). */
export function planMarkdown(result: PlanResult, layouts?: SheetLayouts): string {
  const sheet = planSheet(result, UNICODE_NUMBERS, layouts);
  const out = [`# ${escape(sheet.title)}`, ''];
  for (const section of sheet.sections) {
    out.push(`## ${escape(section.heading)}`, '', '| | |', '|---|---|');
    for (const row of section.rows) {
      const value = row.tone === 'crossed' ? `**${escape(row.value)}**` : escape(row.value);
      out.push(`| ${escape(row.label)} | ${value}${row.note ? `<br>${escape(row.note)}` : ''} |`);
    }
    out.push('');
  }
  if (sheet.warnings.length) out.push('## Notes', '', ...sheet.warnings.map((warning) => `- ${escape(warning)}`), '');
  out.push('*Compute Budget plan. Thresholds compare 6·N·D with each rule; the Commission accepts estimates within ±30%.*', '');
  return out.join('\n');
}
