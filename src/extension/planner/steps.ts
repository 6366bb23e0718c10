import * as vscode from 'vscode';
import { parseCount } from '../../core/source/quantity';

/**
 * One prompt of a multi-step flow, numbered "step of total" and with a Back button from the second
 * step on. Resolves with the answer, `BACK`, or undefined when the person pressed Escape.
 */
export const BACK = Symbol('back');
export type StepAnswer<T> = T | typeof BACK | undefined;

export interface StepPosition {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export type PickItem<T> = vscode.QuickPickItem & { readonly value: T };

/**
 * A choice among items. With `totalFor`, the step count follows the highlighted item (a choice that
 * leads through more steps shows more), so taking it never makes the count jump.
 */
export function pickStep<T>(
  position: StepPosition,
  items: readonly PickItem<T>[],
  placeholder: string,
  active?: T,
  totalFor?: (value: T | undefined) => number,
): Promise<StepAnswer<T>> {
  const pick = vscode.window.createQuickPick<PickItem<T>>();
  Object.assign(pick, position, { placeholder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
  pick.items = items;
  const current = items.find((item) => item.value === active);
  if (current) pick.activeItems = [current];
  if (totalFor) pick.totalSteps = totalFor((current ?? items[0])?.value);
  if (position.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  return settle(pick, (resolve) => [
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.value ?? pick.activeItems[0]?.value)),
    pick.onDidChangeActive((highlighted) => {
      if (totalFor) pick.totalSteps = totalFor(highlighted[0]?.value);
    }),
  ]);
}

export interface NumberStepOptions {
  readonly prompt: string;
  readonly value: string;
  /** Examples of what fits this prompt, shown when the text does not parse. */
  readonly examples: string;
  readonly integer?: boolean;
  readonly check?: (value: number) => string | undefined;
}

export function numberStep(position: StepPosition, options: NumberStepOptions): Promise<StepAnswer<number>> {
  const box = vscode.window.createInputBox();
  Object.assign(box, position, { prompt: options.prompt, value: options.value, placeholder: options.examples, ignoreFocusOut: true });
  if (position.step > 1) box.buttons = [vscode.QuickInputButtons.Back];
  const problem = (text: string): string | undefined => {
    const parsed = parseCount(text);
    if (!parsed.ok || !(parsed.value > 0)) return `A positive number, ${options.examples}`;
    if (options.integer && !Number.isInteger(parsed.value)) return `A whole number, ${options.examples}`;
    return options.check?.(parsed.value);
  };
  return settle(box, (resolve) => [
    box.onDidChangeValue((text) => {
      box.validationMessage = text.trim() ? problem(text) : undefined;
    }),
    box.onDidAccept(() => {
      const why = problem(box.value);
      if (why) {
        box.validationMessage = why;
        return;
      }
      const parsed = parseCount(box.value);
      resolve(parsed.ok ? parsed.value : undefined);
    }),
  ]);
}

/** Shows the input and resolves once: with the answer, with BACK from its Back button, or undefined when hidden. */
function settle<T>(
  input: vscode.QuickPick<PickItem<never>> | vscode.QuickPick<PickItem<T>> | vscode.InputBox,
  listen: (resolve: (answer: StepAnswer<T>) => void) => vscode.Disposable[],
): Promise<StepAnswer<T>> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: StepAnswer<T>) => {
      if (done) return;
      done = true;
      for (const disposable of disposables) disposable.dispose();
      input.dispose();
      resolve(answer);
    };
    const disposables: vscode.Disposable[] = [
      ...listen(finish),
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish(BACK);
      }),
      input.onDidHide(() => finish(undefined)),
    ];
    input.show();
  });
}
