import * as vscode from 'vscode';

/** The languages whose documents may be training configs. */
export const CONFIG_LANGUAGES = ['yaml', 'json', 'jsonc', 'toml', 'shellscript', 'compute-budget'] as const;

export const DOCUMENT_SELECTOR: vscode.DocumentSelector = CONFIG_LANGUAGES.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
  { language, scheme: 'vscode-remote' },
]);

export function isConfigDocument(document: vscode.TextDocument): boolean {
  return (CONFIG_LANGUAGES as readonly string[]).includes(document.languageId) && document.uri.scheme !== 'output' && document.uri.scheme !== 'git';
}
