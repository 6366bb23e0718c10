import { readDirectives, readFactPairs } from '../../source/directives';
import { parseSource, syntaxOf } from '../../source/syntax';
import type { Finding } from '../findings';
import { foreignFormat } from '../../source/foreignSyntax';
import type { AnalyzeOptions } from '../types';
import type { SourceRecord } from './types';

/**
 * The largest text analysed: the biggest real configs are tens of kilobytes (a Hugging Face
 * `config.json` of a multimodal model, a NeMo config with every default), so a megabyte is
 * generous, and bounds what one analysis can cost the editor.
 */
export const DEFAULT_MAX_LENGTH = 1_000_000;

/** Stage 1, source: the syntax, the parse, and the facts the user states. `options` are validated (settings/settings.ts). */
export function readSource(text: string, fileName: string, options: AnalyzeOptions): SourceRecord {
  const syntax = options.syntax ?? syntaxOf(fileName, text);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    const message = `This file has ${text.length.toLocaleString('en-US')} characters, more than the ${maxLength.toLocaleString('en-US')} a config is read up to; it is not analysed.`;
    const findings: Finding[] = [{ severity: 'information', code: 'too-large', message, span: { start: 0, end: 0 } }];
    return { text, fileName, options, syntax, findings, userFacts: [], refused: true };
  }
  // A file whose name says it is written in a syntax we do not parse is never reported as broken YAML.
  const foreign = syntax === 'yaml' || syntax === 'json' ? foreignFormat(fileName) : undefined;
  const parsed = foreign ? undefined : parseSource(text, syntax);
  const findings: Finding[] = (parsed?.problems ?? []).map((problem) => ({
    severity: problem.code === 'parse-error' ? 'error' : 'warning',
    code: problem.code,
    message: problem.message,
    span: problem.span,
  }));
  const userFacts = [...readDirectives(text, findings), ...readFactPairs(options.facts ?? {}, findings)];
  return { text, fileName, options, syntax, findings, userFacts, parsed, refused: false, foreign };
}
