import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../../src/core/analyze';
import type { Resources } from '../../../src/core/resources/resources';

export const EXAMPLES = path.resolve(__dirname, '../../../../test/examples');

/** Serves files from test/examples (null when absent), or none of `withheld`. */
export function exampleResources(withheld: (file: string) => boolean = () => false): Resources {
  return {
    file: (file) => (withheld(file) || !fs.existsSync(file) ? null : fs.readFileSync(file, 'utf8')),
    modelConfig: () => null,
  };
}

export function analyzeExample(relative: string, facts: Record<string, string | number> = {}, resources: Resources = exampleResources()): Analysis {
  const file = path.join(EXAMPLES, relative);
  return analyze(fs.readFileSync(file, 'utf8'), file, { facts, resources });
}

export const codes = (analysis: Analysis) => analysis.findings.map((finding) => finding.code);
