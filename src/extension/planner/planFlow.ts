import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { compactCount, scientific } from '../../core/format';
import { acceleratorTable } from '../../core/hardware/accelerators';
import type { PlanBudget, PlanInput, PlanTarget } from '../../core/planner/plan';
import { parseCount } from '../../core/source/quantity';
import type { PlannerSettings } from './plannerSettings';

/**
 * The "Plan compute budget" steps: what you have (FLOP or hardware), then the target.
 * Starts from the open config's numbers when there is one. Resolves undefined on Escape.
 */
export async function askPlanInput(settings: PlannerSettings, analysis: Analysis | undefined, fileName: string | undefined): Promise<PlanInput | undefined> {
  const budget = await askBudget(settings, analysis, fileName);
  if (!budget) return undefined;
  const target = await askTarget(analysis);
  if (!target) return undefined;
  return { budget, target, accelerators: settings.accelerators, pricePerAcceleratorHour: settings.pricePerAcceleratorHour, mfu: settings.mfu };
}

type Pick<T> = vscode.QuickPickItem & { value: T };

async function askBudget(settings: PlannerSettings, analysis: Analysis | undefined, fileName: string | undefined): Promise<PlanBudget | undefined> {
  const items: Pick<'config' | 'flops' | 'hardware'>[] = [];
  if (analysis?.flops) {
    items.push({ value: 'config', label: `$(file) This config's compute: ${scientific(analysis.flops)} FLOP`, description: fileName, detail: `${compactCount(analysis.parameters.active!)} parameters × ${compactCount(analysis.tokens!)} tokens` });
  }
  items.push(
    { value: 'flops', label: '$(symbol-number) A compute budget in FLOP', detail: 'e.g. 5.76e23' },
    { value: 'hardware', label: '$(server) Hardware: accelerators × days', detail: `A100, H100, H200, B200, MI300X, TPU v5p/v5e at ${Math.round(settings.mfu * 100)}% MFU (editable)` },
  );
  const start = await vscode.window.showQuickPick(items, { title: 'Plan compute budget (1/2): what do you have?', ignoreFocusOut: true });
  if (!start) return undefined;
  if (start.value === 'config') return { kind: 'flops', flops: analysis!.flops! };
  if (start.value === 'flops') {
    const flops = await askNumber('Compute budget in FLOP', analysis?.flops ? scientific(analysis.flops, 3) : '5.76e23', 'e.g. 5.76e23 or 1e24');
    return flops === undefined ? undefined : { kind: 'flops', flops };
  }
  const table = acceleratorTable(settings.accelerators);
  const accelerator = await vscode.window.showQuickPick(
    table.map((row): Pick<string> => ({ value: row.id, label: row.name, description: `BF16 ${Math.round(row.bf16 / 1e12).toLocaleString('en-US')} TFLOP/s${row.fp8 ? `, FP8 ${Math.round(row.fp8 / 1e12).toLocaleString('en-US')}` : ''} dense`, detail: row.source })),
    { title: 'Plan compute budget: accelerator', ignoreFocusOut: true },
  );
  if (!accelerator) return undefined;
  const count = await askNumber('Number of accelerators', '1024', 'e.g. 1024', true);
  if (count === undefined) return undefined;
  const days = await askNumber('Days of training (wall clock)', '30', 'e.g. 30');
  if (days === undefined) return undefined;
  const mfu = await askNumber('Model FLOPs utilisation (0–1)', String(settings.mfu), 'Large runs reach about 0.35–0.45', false, (value) => (value > 0 && value <= 1 ? undefined : 'A fraction between 0 and 1, e.g. 0.4'));
  if (mfu === undefined) return undefined;
  return { kind: 'hardware', accelerator: accelerator.value, count, days, mfu };
}

async function askTarget(analysis: Analysis | undefined): Promise<PlanTarget | undefined> {
  const items: Pick<'chinchilla' | 'multiple' | 'parameters' | 'inference'>[] = [
    { value: 'chinchilla', label: 'Chinchilla-optimal', detail: '20 tokens per parameter (Hoffmann et al. 2022)' },
    { value: 'multiple', label: 'Overtrain by a multiple', detail: 'K × 20 tokens per parameter: smaller model, cheaper inference' },
    { value: 'parameters', label: 'Fixed model size', detail: analysis?.parameters.active ? `e.g. this config's ${compactCount(analysis.parameters.active)}` : 'all the compute goes into tokens' },
    { value: 'inference', label: 'Inference-aware', detail: 'minimise training + inference compute for the tokens you expect to serve (Sardana et al. 2023)' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Plan compute budget (2/2): target', ignoreFocusOut: true });
  if (!picked) return undefined;
  switch (picked.value) {
    case 'chinchilla':
      return { kind: 'chinchilla' };
    case 'multiple': {
      const multiple = await askNumber('Overtraining multiple of Chinchilla (4 → 80 tokens per parameter)', '4', 'e.g. 4, 16');
      return multiple === undefined ? undefined : { kind: 'multiple', multiple };
    }
    case 'parameters': {
      const parameters = await askNumber('Model size in parameters', analysis?.parameters.active ? compactCount(analysis.parameters.active) : '7B', 'e.g. 7B, 70B');
      return parameters === undefined ? undefined : { kind: 'parameters', parameters };
    }
    case 'inference': {
      const inferenceTokens = await askNumber('Tokens you expect to serve over the model’s life', '2T', 'e.g. 2T, 100T');
      return inferenceTokens === undefined ? undefined : { kind: 'inference', inferenceTokens };
    }
  }
}

async function askNumber(prompt: string, value: string, placeHolder: string, integer = false, check?: (value: number) => string | undefined): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Plan compute budget', prompt, value, placeHolder, ignoreFocusOut: true,
    validateInput: (input) => {
      const parsed = parseCount(input);
      if (!parsed.ok || !(parsed.value > 0)) return 'A positive number, e.g. 1024, 70B, 5.76e23';
      if (integer && !Number.isInteger(parsed.value)) return 'A whole number';
      return check?.(parsed.value);
    },
  });
  if (text === undefined) return undefined;
  const parsed = parseCount(text);
  return parsed.ok ? parsed.value : undefined;
}
