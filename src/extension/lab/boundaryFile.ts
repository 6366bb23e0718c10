import * as vscode from 'vscode';
import type { BoundaryReport } from '../../core/lab/boundary';
import type { RealPath } from '../linkCheck';
import type { Settings } from '../settings';
import type { FitRunner } from './fitRunner';
import type { LabDiagnostics } from './labDiagnostics';
import { placingText, readContent } from './workspaceFit';

export const EVALS_FILE_GLOB = '**/*.evals.{csv,tsv,jsonl}';

/** The workspace's evals file and its capability boundary, fitted on the lab worker when a view asks for it. */
export class BoundaryFile {
  private latest: { uri: vscode.Uri; report: BoundaryReport } | undefined;

  constructor(
    private readonly settings: () => Settings,
    private readonly runner: FitRunner,
    private readonly diagnostics: LabDiagnostics,
    /** Where a local path really leads (the Node host), for `readContent`. */
    private readonly realPath?: RealPath,
  ) {}

  get current(): { uri: vscode.Uri; report: BoundaryReport } | undefined {
    return this.latest;
  }

  /** Finds, reads and fits the evals file; undefined with the reason when there is none. */
  async load(): Promise<{ uri: vscode.Uri; report: BoundaryReport } | { why: string }> {
    const configured = this.settings().lab.evalsFile;
    let uri: vscode.Uri | undefined;
    if (configured) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const candidate = vscode.Uri.joinPath(folder.uri, configured);
        if (
          await vscode.workspace.fs.stat(candidate).then(
            () => true,
            () => false,
          )
        )
          uri = candidate;
      }
    } else {
      uri = (await vscode.workspace.findFiles(EVALS_FILE_GLOB, '**/node_modules/**', 10)).sort((a, b) => a.path.localeCompare(b.path))[0];
    }
    if (!uri) return { why: configured ? `${configured} was not found` : 'no evals file found (set computeBudget.lab.evalsFile, or name a file *.evals.csv)' };
    const content = await readContent(uri, this.realPath);
    if (content === undefined) return { why: `${vscode.workspace.asRelativePath(uri)} could not be read` };
    const report = await this.runner.boundary(content, uri.path);
    this.diagnostics.show(
      uri,
      placingText(content),
      report.findings.filter((finding) => finding.severity !== 'information'),
    );
    if (report.fits.length === 0) return { why: `${vscode.workspace.asRelativePath(uri)} holds too few models to fit a boundary` };
    this.latest = { uri, report };
    return this.latest;
  }
}
