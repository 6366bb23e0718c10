import * as vscode from 'vscode';
import type { Syntax } from '../core/source/syntax';

/** The languages whose documents may be training configs. */
export const CONFIG_LANGUAGES = ['yaml', 'json', 'jsonc', 'toml', 'shellscript', 'python', 'compute-budget'] as const;

export const DOCUMENT_SELECTOR: vscode.DocumentSelector = CONFIG_LANGUAGES.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
  { language, scheme: 'vscode-remote' },
]);

const SYNTAX_OF_LANGUAGE: Readonly<Record<string, Syntax>> = {
  yaml: 'yaml',
  json: 'json',
  jsonc: 'json',
  toml: 'toml',
  shellscript: 'shell',
  python: 'python',
};

/**
 * The syntax an untitled document's language names; a saved file's name decides by itself
 * (a `.json` file in YAML mode is still JSON to the framework that reads it).
 */
export function syntaxOfLanguage(document: vscode.TextDocument): Syntax | undefined {
  if (!document.isUntitled || !Object.hasOwn(SYNTAX_OF_LANGUAGE, document.languageId)) return undefined;
  return SYNTAX_OF_LANGUAGE[document.languageId];
}

export function isConfigDocument(document: vscode.TextDocument): boolean {
  return (CONFIG_LANGUAGES as readonly string[]).includes(document.languageId) && document.uri.scheme !== 'output' && document.uri.scheme !== 'git';
}

/** A document's file name, as messages and titles show it. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
