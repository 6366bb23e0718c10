/** Every command id in one place; package.json contributes the same ids. */
export const CommandId = {
  planComputeBudget: 'computeBudget.planComputeBudget',
  showChart: 'computeBudget.showChart',
  addFact: 'computeBudget.addFact',
  exportStatement: 'computeBudget.exportStatement',
} as const;

export const EXTENSION_ID = 'compute-budget.compute-budget';
export const SETTINGS_SECTION = 'computeBudget';
export const DIAGNOSTIC_SOURCE = 'compute-budget';
