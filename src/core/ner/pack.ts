/** What the entity tagger needs from a language: its model file and its lexicons. */
import type { LexiconProbe } from './features';
import { decodeModel, type NerModel } from './model';

export interface NerPack {
  /** Lexicon probes, the language's own first (the model's `lexicon` features are in this order). */
  lexicons: readonly LexiconProbe[];
  /** The decoded model: parsed from the model file on the first call, then kept. */
  model(): NerModel;
  /** How the shipped combination uses the rule layer's spans (measured per language; see the model card). */
  extendToRules: boolean;
  /** Whether the rules' strongly evidenced mentions replace the tagger's (TagOptions.strongRuleSpans). */
  preferStrongRules: boolean;
  /** Whether every rule mention stays and the tagger only adds mentions where the rules found none. */
  rulesFirst: boolean;
}

/** A pack whose model file is read (`loadBytes`) and decoded only when first needed. */
export function lazyNerPack(
  lexicons: readonly LexiconProbe[],
  loadBytes: () => Uint8Array,
  options: { extendToRules: boolean; preferStrongRules: boolean; rulesFirst: boolean },
): NerPack {
  // NOTE: the one cache of the tagger: an immutable decoded model, built once per language per process (worker).
  let model: NerModel | null = null;
  return {
    lexicons,
    model: () => (model ??= decodeModel(loadBytes())),
    extendToRules: options.extendToRules,
    preferStrongRules: options.preferStrongRules,
    rulesFirst: options.rulesFirst,
  };
}
