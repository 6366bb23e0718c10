import type { ReadContext } from '../../formats/format';
import { detectFramework, UNKNOWN } from '../../formats/registry';
import { ResourceLookups } from '../../resources/resources';
import { ConfigView } from '../../source/view';
import type { FormatRecord, SourceRecord } from './types';

/**
 * Stage 2, format: which format reads the text (formats/registry.ts), and the view of its keys
 * after the format expanded what it includes. A text that is not read keeps the unknown format
 * and an empty view.
 */
export function readFormat(source: SourceRecord): FormatRecord {
  const { parsed, options } = source;
  const lookups = new ResourceLookups(options.resources);
  if (!parsed) return { ...source, framework: UNKNOWN, view: new ConfigView(undefined), lookups };
  const detectionView = new ConfigView(parsed.root, options.extraKeys);
  const framework = detectFramework(parsed.root, detectionView, source.syntax);
  if (!framework.expand) return { ...source, framework, view: detectionView, lookups };
  const expanded = parsed.root?.kind === 'map' ? framework.expand(parsed.root, readContext({ ...source, lookups })) : parsed.root;
  const view = expanded === parsed.root ? detectionView : new ConfigView(expanded, options.extraKeys);
  // The framework reads its own include tags (Levanter's `!include`): they are not unsupported.
  const { findings } = source;
  const handled = findings.filter((finding) => finding.code === 'unsupported-tag' && /!include\b/.test(finding.message));
  for (const finding of handled) findings.splice(findings.indexOf(finding), 1);
  return { ...source, framework, view, lookups };
}

/** What a format's readers are handed beside the view: the user's facts, the findings list, the host's files. */
export function readContext(record: Pick<FormatRecord, 'userFacts' | 'findings' | 'lookups' | 'fileName'>): ReadContext {
  return { facts: record.userFacts, findings: record.findings, lookups: record.lookups, fileName: record.fileName };
}
