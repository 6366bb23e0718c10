import * as vscode from 'vscode';

/** The column the extension last opened something beside the config in (the chart, a statement, a facts file). */
let remembered: vscode.ViewColumn | undefined;

/**
 * Where a command opens what it shows beside the config: one side group, reused. `Beside` alone
 * opens a new group to the right of whichever group has focus, so a command run from the side
 * group (the statement it just opened, say) would open a third group, then a fourth. Here the
 * group used last is reused while it exists and is not the config's own; else another open group;
 * only with one group open is a new one made beside it.
 * @param from the column of the config the command is about (default: the active group's)
 */
export function sideColumn(from: vscode.ViewColumn | undefined = vscode.window.tabGroups.activeTabGroup.viewColumn): vscode.ViewColumn {
  const columns = vscode.window.tabGroups.all.map((group) => group.viewColumn);
  if (remembered !== undefined && remembered !== from && columns.includes(remembered)) return remembered;
  const others = columns.filter((column) => column !== from);
  // The nearest group to the right of the config, else to its left.
  const right = others.filter((column) => from === undefined || column > from).sort((a, b) => a - b)[0];
  const left = [...others].sort((a, b) => b - a)[0];
  return right ?? left ?? vscode.ViewColumn.Beside;
}

/** Notes the column something was opened in beside the config, for the next command to reuse. */
export function rememberSideColumn(column: vscode.ViewColumn | undefined): void {
  if (column !== undefined && column !== vscode.ViewColumn.Beside && column !== vscode.ViewColumn.Active) remembered = column;
}
