/** The scaling-law lab (issue 13): what the CLI's `fit`, `stop` and `boundary` and the extension call. */
export {
  fitRunsText,
  fitRuns,
  predictInterval,
  fitAllocation,
  DEFAULT_MIN_TOKENS,
  type FitOptions,
  type FitReport,
  type LawFit,
  type HeldOut,
  type Interval,
} from './fit';
export { computeOptimal, predictLoss, BESIROGLU_2024, type LawConstants, type Allocation } from './lossLaw';
export { readRuns, type Run, type RunsFile, type RunsOptions, type ConfigFacts, type ConfigRefusal } from './runs';
export { StopStream, stopText, stopSignal, fitCurve, curveLoss, type StopOptions, type StopReport, type StopSignal, type Curve } from './stop';
export { readLossLog, type LogPoint, type LossLog, type LossLogOptions } from './lossLog';
export {
  boundaryText,
  fitBoundary,
  readEvals,
  sigmoidAt,
  type BoundaryFit,
  type BoundaryOptions,
  type BoundaryReport,
  type EvalPoint,
  type Sigmoid,
} from './boundary';
export { fitWorkspaceRuns, workspaceLabel, workspaceLaw, workspaceLoss, MAX_CHART_ROWS, type WorkspaceFit } from './workspaceFit';
export { formatFit, formatStop, formatBoundary, fitJson, stopJson, boundaryJson } from './render';
export { LAB_FINDING_CODES, type LabFinding, type LabFindingCode, type LineRange } from './findings';
export { COLUMN_ALIASES } from './columns';
export { minimize, type Objective, type Minimum } from './lbfgs';
