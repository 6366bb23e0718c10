import type { Analysis } from './types';
import { CHINCHILLA_TOKENS_PER_PARAMETER } from '../budget/scaling';
import { NO_PENDING } from '../resources/resources';
import { syntaxOf } from '../source/syntax';

/**
 * The analysis of a file the engine could not finish (its worker was stopped, or failed): every
 * figure unknown and one finding saying why. Written out rather than computed, so the extension
 * host, which only reports this, does not carry the engine (a test keeps its keys those of a real analysis).
 */
export function stoppedAnalysis(fileName: string, text: string, reason: string): Analysis {
  const message = `${reason} The file is not analysed; if it is a training config, report it with the file attached.`;
  return {
    file: fileName,
    syntax: syntaxOf(fileName, text.slice(0, 4096)),
    framework: 'unknown',
    frameworkName: 'unrecognised',
    model: {},
    training: { factors: [] },
    parameters: { total: null, active: null },
    tokens: null,
    flops: null,
    method: null,
    hardware: null,
    statedHardware: null,
    adapter: null,
    flopsWithAttention: null,
    detailedFlops: null,
    cumulativeFlops: null,
    lifecycle: null,
    fineTune: null,
    tokensPerParameter: null,
    targetTokensPerParameter: CHINCHILLA_TOKENS_PER_PARAMETER,
    chinchillaTokens: null,
    chinchillaMultiple: null,
    band: null,
    computeOptimal: null,
    loss: [],
    thresholds: [],
    findings: [{ severity: 'warning', code: 'too-large', message, span: { start: 0, end: 0 } }],
    userFacts: [],
    memory: null,
    throughput: null,
    serving: null,
    pending: NO_PENDING,
  };
}
