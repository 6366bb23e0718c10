import * as path from 'path';
import type { Severity } from '../core/analysis/findings';
import { workflowData, workflowProperty } from '../core/text/sanitise';
import type { FileReport } from './report';

/**
 * `analyze --format github`: one GitHub Actions workflow command per diagnostic,
 * `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`, which the runner turns
 * into an annotation on the file and line of a pull request.
 */
const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function githubAnnotations(reports: readonly FileReport[], root: string): string[] {
  return reports.flatMap((report) =>
    report.diagnostics.map((diagnostic) => {
      // A span that ends at the start of a line ends, for an annotation, on the line before.
      const endLine = diagnostic.endLine > diagnostic.line && diagnostic.endColumn === 1 ? diagnostic.endLine - 1 : diagnostic.endLine;
      const properties: [string, string | number][] = [
        ['file', workspacePath(report.file, root)],
        ['line', diagnostic.line],
      ];
      // Annotations take columns only within one line (the checks API refuses them across lines).
      if (endLine === diagnostic.line) properties.push(['col', diagnostic.column], ['endColumn', Math.max(diagnostic.endColumn, diagnostic.column)]);
      properties.push(['endLine', endLine], ['title', `compute-budget ${diagnostic.code}`]);
      const list = properties.map(([name, value]) => `${name}=${workflowProperty(String(value))}`).join(',');
      return `::${COMMAND[diagnostic.severity] ?? 'warning'} ${list}::${workflowData(diagnostic.message)}`;
    }),
  );
}

/** The path GitHub matches annotations with: relative to the working folder (the checkout) when inside it. */
function workspacePath(file: string, root: string): string {
  const relative = path.relative(root, path.resolve(root, file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
