import type { Analysis } from '../../core/analyze';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import { acceleratorTable } from '../../core/hardware/accelerators';
import type { PlanBudget, PlanInput, PlanTarget } from '../../core/planner/plan';
import { planStepCount, planSteps, startingHardware, type PlanSource, type PlanStepId } from '../../core/planner/planSteps';
import type { PlannerSettings } from './plannerSettings';
import { BACK, numberStep, pickStep, type PickItem, type StepAnswer, type StepPosition } from './steps';
import { iconLabelText, MAX_PLAIN } from '../../core/text/editorText';

type Source = PlanSource;
type TargetKind = PlanTarget['kind'];

/** Everything asked so far; going back keeps the answers, so a step shows what was typed before. */
interface Answers {
  source?: Source;
  flops?: number;
  accelerator?: string;
  count?: number;
  days?: number;
  mfu?: number;
  target?: TargetKind;
  targetValue?: number;
}

type StepId = PlanStepId;

/**
 * The "Plan compute budget" steps: what you have (this config's compute, FLOP, or hardware), then
 * the target. Numbered "step of total" with a Back button; starts from the open config's numbers
 * when there is one. Resolves undefined on Escape.
 */
export async function askPlanInput(settings: PlannerSettings, analysis: Analysis | undefined, fileName: string | undefined): Promise<PlanInput | undefined> {
  // The hardware steps start from the config's own accelerator, count, days and MFU when it states them.
  const answers: Answers = { ...startingHardware(analysis, acceleratorTable(settings.accelerators)) };
  for (let index = 0; ;) {
    const steps = planSteps(answers);
    if (index >= steps.length) break;
    const position: StepPosition = { title: 'Plan compute budget', step: index + 1, totalSteps: steps.length };
    const answer = await ask(steps[index]!, position, answers, settings, analysis, fileName);
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      index = Math.max(0, index - 1);
      continue;
    }
    index++;
  }
  const budget = budgetOf(answers, analysis);
  const target = targetOf(answers);
  return budget && target
    ? { budget, target, accelerators: settings.accelerators, pricePerAcceleratorHour: settings.pricePerAcceleratorHour, mfu: settings.mfu }
    : undefined;
}

/** Asks one step and records its answer; resolves BACK or undefined without recording. */
async function ask(
  step: StepId,
  position: StepPosition,
  answers: Answers,
  settings: PlannerSettings,
  analysis: Analysis | undefined,
  fileName: string | undefined,
): Promise<StepAnswer<true>> {
  const record =
    <K extends keyof Answers>(key: K) =>
    (answer: StepAnswer<NonNullable<Answers[K]>>): StepAnswer<true> => {
      if (answer === undefined || answer === BACK) return answer;
      answers[key] = answer;
      return true;
    };
  switch (step) {
    case 'source': {
      const items: PickItem<Source>[] = [];
      if (analysis?.flops)
        items.push({
          value: 'config',
          label: `$(file) This config's compute: ${n.flops(analysis.flops)} FLOP`,
          description: fileName === undefined ? undefined : iconLabelText(fileName),
          detail: `${n.count(analysis.parameters.active!)} parameters × ${n.count(analysis.tokens!)} tokens`,
        });
      items.push(
        { value: 'flops', label: '$(symbol-number) A compute budget in FLOP', detail: 'e.g. 5.76e23' },
        {
          value: 'hardware',
          label: '$(server) Hardware: accelerators × days',
          detail: `A100, H100, H200, B200, MI300X, TPU v5p/v5e at ${n.percent(settings.mfu)} MFU (editable)`,
        },
      );
      const previous = answers.source;
      const result = record('source')(await pickStep(position, items, 'What do you have?', answers.source, (value) => planStepCount(answers, 'source', value)));
      // A different path forgets the other path's answers (the config's own hardware comes back), so the count and the prompts stay true.
      if (result === true && previous !== undefined && previous !== answers.source) {
        for (const key of ['flops', 'accelerator', 'count', 'days', 'mfu'] as const) delete answers[key];
        Object.assign(answers, startingHardware(analysis, acceleratorTable(settings.accelerators)));
      }
      return result;
    }
    case 'flops':
      return record('flops')(
        await numberStep(position, {
          prompt: 'Compute budget in FLOP',
          value: fromAnswer(answers.flops) ?? (analysis?.flops ? analysis.flops.toExponential(2).replace('e+', 'e') : '5.76e23'),
          examples: 'e.g. 5.76e23 or 1e24',
        }),
      );
    case 'accelerator': {
      const table = acceleratorTable(settings.accelerators);
      const items = table.map((row): PickItem<string> => ({
        value: row.id,
        label: iconLabelText(row.name),
        description: `BF16 ${n.grouped(row.bf16 / 1e12)} TFLOP/s${row.fp8 ? `, FP8 ${n.grouped(row.fp8 / 1e12)}` : ''} dense`,
        detail: iconLabelText(row.source, MAX_PLAIN),
      }));
      return record('accelerator')(await pickStep(position, items, 'Accelerator', answers.accelerator));
    }
    case 'count':
      return record('count')(
        await numberStep(position, {
          prompt: 'Number of accelerators',
          value: fromAnswer(answers.count) ?? '1024',
          examples: 'e.g. 8, 256 or 1024',
          integer: true,
        }),
      );
    case 'days':
      return record('days')(
        await numberStep(position, { prompt: 'Days of training (wall clock)', value: fromAnswer(answers.days) ?? '30', examples: 'e.g. 14, 30 or 90' }),
      );
    case 'mfu':
      return record('mfu')(
        await numberStep(position, {
          prompt: 'Model FLOPs utilisation (0–1); large runs reach about 0.35–0.45',
          value: fromAnswer(answers.mfu) ?? String(settings.mfu),
          examples: 'e.g. 0.4',
          check: (value) => (value > 0 && value <= 1 ? undefined : 'A fraction between 0 and 1, e.g. 0.4'),
        }),
      );
    case 'target': {
      const items: PickItem<TargetKind>[] = [
        { value: 'chinchilla', label: 'Chinchilla-optimal', detail: '20 tokens per parameter (Hoffmann et al. 2022)' },
        { value: 'multiple', label: 'Overtrain by a multiple', detail: 'K × 20 tokens per parameter: smaller model, cheaper inference' },
        {
          value: 'parameters',
          label: 'Fixed model size',
          detail: analysis?.parameters.active ? `e.g. this config's ${n.count(analysis.parameters.active)}` : 'all the compute goes into tokens',
        },
        {
          value: 'inference',
          label: 'Inference-aware',
          detail: 'minimise training + inference compute for the tokens you expect to serve (Sardana et al. 2023)',
        },
      ];
      const previous = answers.target;
      const result = record('target')(await pickStep(position, items, 'Target', answers.target, (value) => planStepCount(answers, 'target', value)));
      if (result === true && previous !== answers.target) delete answers.targetValue;
      return result;
    }
    case 'targetValue':
      return record('targetValue')(await numberStep(position, targetPrompt(answers.target!, answers.targetValue, analysis)));
  }
}

function targetPrompt(target: TargetKind, previous: number | undefined, analysis: Analysis | undefined) {
  switch (target) {
    case 'multiple':
      return { prompt: 'Overtraining multiple of Chinchilla (4 → 80 tokens per parameter)', value: fromAnswer(previous) ?? '4', examples: 'e.g. 4 or 16' };
    case 'parameters':
      return {
        prompt: 'Model size in parameters',
        value: fromAnswer(previous) ?? (analysis?.parameters.active ? n.count(analysis.parameters.active) : '7B'),
        examples: 'e.g. 7B or 70B',
      };
    default:
      return { prompt: 'Tokens you expect to serve over the model’s life', value: fromAnswer(previous) ?? '2T', examples: 'e.g. 2T or 100T' };
  }
}

/** An earlier answer as the person would type it: 1.2e23, not 1.2e+23. */
function fromAnswer(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value).replace('e+', 'e');
}

function budgetOf(answers: Answers, analysis: Analysis | undefined): PlanBudget | undefined {
  if (answers.source === 'config' && analysis?.flops) return { kind: 'flops', flops: analysis.flops };
  if (answers.source === 'flops' && answers.flops !== undefined) return { kind: 'flops', flops: answers.flops };
  if (answers.source === 'hardware' && answers.accelerator && answers.count && answers.days && answers.mfu) {
    return { kind: 'hardware', accelerator: answers.accelerator, count: answers.count, days: answers.days, mfu: answers.mfu };
  }
  return undefined;
}

function targetOf(answers: Answers): PlanTarget | undefined {
  switch (answers.target) {
    case 'chinchilla':
      return { kind: 'chinchilla' };
    case 'multiple':
      return answers.targetValue !== undefined ? { kind: 'multiple', multiple: answers.targetValue } : undefined;
    case 'parameters':
      return answers.targetValue !== undefined ? { kind: 'parameters', parameters: answers.targetValue } : undefined;
    case 'inference':
      return answers.targetValue !== undefined ? { kind: 'inference', inferenceTokens: answers.targetValue } : undefined;
    default:
      return undefined;
  }
}
