import * as vscode from 'vscode';
import { notificationText } from '../core/text/editorText';

/**
 * The one door to VS Code's notifications: every message passes `notificationText` on its way, so
 * a file, folder, setting or model name from a cloned repository can neither draw a control or
 * bidi override nor become a `[link](command:…)` there. The buttons are the caller's own words;
 * a caller that puts a name in a button passes it through `notificationText` itself, so the
 * answer compares equal. ESLint forbids `vscode.window.show*Message` anywhere else.
 */
/* eslint-disable no-restricted-syntax -- this is the door the rule sends every notification through */
export const notify = {
  info: <T extends string>(message: string, ...items: T[]): Thenable<T | undefined> =>
    vscode.window.showInformationMessage(notificationText(message), ...items),
  warning: <T extends string>(message: string, ...items: T[]): Thenable<T | undefined> => vscode.window.showWarningMessage(notificationText(message), ...items),
  error: <T extends string>(message: string, ...items: T[]): Thenable<T | undefined> => vscode.window.showErrorMessage(notificationText(message), ...items),
  /** A modal question: its message and its detail (shown under it) through the same door; the detail keeps its own line breaks. */
  modal: <T extends string>(message: string, detail: string, ...items: T[]): Thenable<T | undefined> =>
    vscode.window.showInformationMessage(
      notificationText(message),
      {
        modal: true,
        detail: detail
          .split('\n')
          .map((line) => notificationText(line))
          .join('\n'),
      },
      ...items,
    ),
};
/* eslint-enable no-restricted-syntax */
