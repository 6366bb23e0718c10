import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../../src/core/analyze';
import type { Resources } from '../../../src/core/resources/resources';

export const EXAMPLES = path.resolve(__dirname, '../../../../test/examples');

/** Serves files from test/examples only (null when absent), or none of `withheld`. */
export function exampleResources(withheld: (file: string) => boolean = () => false): Resources {
  return {
    file: (file) => (!file.startsWith(EXAMPLES) || withheld(file) || !fs.existsSync(file) ? null : fs.readFileSync(file, 'utf8')),
    modelConfig: () => null,
  };
}

/** Analyses a real config from test/examples, with the files it includes read from disk. */
export function analyzeExample(
  relative: string,
  facts: Record<string, string | number> = {},
  resources: Resources = exampleResources(),
): { analysis: Analysis; text: string } {
  const file = path.join(EXAMPLES, relative);
  const text = fs.readFileSync(file, 'utf8');
  return { analysis: analyze(text, file, { facts, resources }), text };
}

export const codes = (analysis: Analysis) => analysis.findings.map((finding) => finding.code);
