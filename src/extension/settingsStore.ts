import * as vscode from 'vscode';
import { SETTINGS_SECTION } from './commandIds';
import { readSettings, type Settings } from './settings';

/**
 * The `computeBudget.*` settings, read and checked in this one place, re-read when they change,
 * and handed to whoever needs them (the analysis cache, the surfaces, the planner, the lab).
 * Values that could not be used are passed to `onIgnored` each time they are read.
 */
export class SettingsStore implements vscode.Disposable {
  private value: Settings;
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly subscription: vscode.Disposable;
  /** Fires with the new settings after a `computeBudget.*` setting changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly onIgnored: (ignored: readonly string[]) => void) {
    this.value = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      this.value = this.read();
      this.changed.fire(this.value);
    });
  }

  get current(): Settings {
    return this.value;
  }

  private read(): Settings {
    const { settings, ignored } = readSettings();
    this.onIgnored(ignored);
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
