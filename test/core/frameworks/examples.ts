import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../../src/core/analyze';

export const EXAMPLES = path.resolve(__dirname, '../../../../test/examples');

/** Analyses a real config from test/examples, with the files it includes read from disk. */
export function analyzeExample(relative: string, facts: Record<string, string | number> = {}): { analysis: Analysis; text: string } {
  const file = path.join(EXAMPLES, relative);
  const text = fs.readFileSync(file, 'utf8');
  const resources = {
    file: (wanted: string) => (wanted.startsWith(EXAMPLES) && fs.existsSync(wanted) ? fs.readFileSync(wanted, 'utf8') : null),
    modelConfig: () => null,
  };
  return { analysis: analyze(text, file, { facts, resources }), text };
}

export const codes = (analysis: Analysis) => analysis.findings.map((finding) => finding.code);
