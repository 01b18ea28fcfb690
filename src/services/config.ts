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

  /**
   * Writes a setting where it takes effect: in the user settings, unless the workspace already sets it (then
   * a user-level write would be shadowed), so toggles do not litter the user's folder with .vscode/settings.json.
   */
  async set<K extends ConfigKey>(key: K, value: ConfigValues[K]): Promise<void> {
    const dot = key.indexOf('.');
    const section = vscode.workspace.getConfiguration(key.slice(0, dot));
    const name = key.slice(dot + 1);
    const info = section.inspect(name);
    const target =
      info?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await section.update(name, value, target);
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
