import * as vscode from 'vscode';
import { Config, type ConfigKey, type ConfigValues } from '../constants';
import { KINDS, highlightSetting, type Kind } from '../core/kinds';
import { checkSetting } from './configValidation';

/** Bad values already reported, so that a setting read on every keystroke is logged once. */
const MAX_REPORTED = 100;

/**
 * Typed reader over the workspace configuration. One instance, shared by services and features. Every value is
 * checked (src/services/configValidation.ts): a wrong type falls back to the default, a number out of range is
 * clamped, and the problem is logged once to the output channel.
 */
export class ExtensionConfig implements vscode.Disposable {
  private readonly reported = new Set<string>();

  constructor(private readonly log?: vscode.LogOutputChannel) {}

  /** Current value of a setting (resource-scoped when a document is given), checked. */
  get<K extends ConfigKey>(key: K, scope?: vscode.ConfigurationScope): ConfigValues[K] {
    const dot = key.indexOf('.');
    const raw = vscode.workspace.getConfiguration(key.slice(0, dot), scope).get<unknown>(key.slice(dot + 1));
    const { value, problem } = checkSetting(key, raw);
    if (problem) this.report(key, raw, problem, value);
    return value;
  }

  private report(key: ConfigKey, raw: unknown, problem: string, used: unknown): void {
    let shown: string;
    try {
      shown = JSON.stringify(raw)?.slice(0, 120) ?? String(raw);
    } catch {
      shown = typeof raw;
    }
    const id = `${key}\u0000${shown}`;
    if (this.reported.has(id) || this.reported.size >= MAX_REPORTED) return;
    this.reported.add(id);
    this.log?.warn(`Setting ${key} = ${shown} is ${problem}; using ${JSON.stringify(used)?.slice(0, 120)} instead.`);
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
  enabledKinds(): Set<Kind> {
    const on = new Set<Kind>();
    if (!this.get(Config.decorationsEnabled)) return on;
    for (const kind of KINDS) if (this.get(highlightSetting(kind))) on.add(kind);
    return on;
  }

  dispose(): void {
    this.reported.clear();
  }
}
