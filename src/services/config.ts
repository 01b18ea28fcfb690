import * as vscode from 'vscode';
import { Config, CONFIG_DEFAULTS, HIGHLIGHT_KINDS, KIND_SETTING, type ConfigKey, type ConfigValues, type HighlightKind } from '../constants';

/** Typed reader over the workspace configuration. One instance, shared by services and features. */
export class ExtensionConfig {
  /** Current value of a setting (resource-scoped when a document is given). */
  get<K extends ConfigKey>(key: K, scope?: vscode.ConfigurationScope): ConfigValues[K] {
    const dot = key.indexOf('.');
    const value = vscode.workspace.getConfiguration(key.slice(0, dot), scope).get<ConfigValues[K]>(key.slice(dot + 1));
    return value ?? CONFIG_DEFAULTS[key];
  }

  /** Writes a setting at the global (user) level, or the workspace level when a folder is open. */
  async set<K extends ConfigKey>(key: K, value: ConfigValues[K]): Promise<void> {
    const dot = key.indexOf('.');
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(key.slice(0, dot)).update(key.slice(dot + 1), value, target);
  }

  /** True when the change event touches any of the keys (or a parent section of them). */
  affects(event: vscode.ConfigurationChangeEvent, ...keys: ConfigKey[]): boolean {
    return keys.some((k) => event.affectsConfiguration(k));
  }

  /** Kinds currently switched on (all off when highlights are disabled). */
  enabledKinds(): Set<HighlightKind> {
    const on = new Set<HighlightKind>();
    if (!this.get(Config.decorationsEnabled)) return on;
    for (const kind of HIGHLIGHT_KINDS) if (this.get(KIND_SETTING[kind])) on.add(kind);
    return on;
  }
}
