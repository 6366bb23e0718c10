import { fitWorkspaceRuns } from '../../core/lab/workspaceFit';
import { stopWorkspaceLog } from '../../core/lab/workspaceStop';
import { boundaryText } from '../../core/lab/boundary';
import { inputText, type LabExecutor, type LabResult, type LabTask } from './labTasks';

/** What the worker (or, as a last resort, the host) runs for a task. */
export function runTask(task: LabTask): LabResult {
  if (task.kind === 'fit') return fitWorkspaceRuns(inputText(task.text), task.file, { minTokens: task.minTokens });
  if (task.kind === 'stop')
    return stopWorkspaceLog(inputText(task.text), task.file, {
      tokensPerStep: task.tokensPerStep,
      plannedTokens: task.plannedTokens,
    });
  return boundaryText(inputText(task.text), { file: task.file, numberStyle: 'unicode' });
}

/** Runs each task on this thread after the current event (the browser's host is already a web worker). */
export const inlineLabExecutor: LabExecutor = {
  run: (task) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(runTask(task));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0),
    ),
  dispose: () => undefined,
};
