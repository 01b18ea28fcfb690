// Manifest consistency: package.json contributions, src/constants.ts IDs, the typed command-handler map in
// src/features/commands.ts, the localization files, and the packaging allowlist agree with each other.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTICLE_DOCUMENTS,
  Commands,
  Config,
  CorrectionCommands,
  CrossRefCommands,
  CrossRefCorrectionCommands,
  CONFIG_DEFAULTS,
  LANGUAGE_ID,
  Views,
} from '../../src/constants';
import { colorId, highlightSetting, KINDS, LAYER_INFO, LAYERS, TOKEN_MODIFIERS } from '../../src/core/kinds';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls: Record<string, string> = JSON.parse(read('package.nls.json'));
const nlsFr: Record<string, string> = JSON.parse(read('package.nls.fr.json'));
const contributes = pkg.contributes;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('manifest: commands', () => {
  const contributed: { command: string; title: string; category: string }[] = contributes.commands;

  it('package.json contributes exactly the command IDs in src/constants.ts', () => {
    assert.deepEqual(
      contributed.map((c) => c.command).sort(),
      [
        ...Object.values(Commands),
        ...Object.values(CrossRefCommands),
        ...Object.values(CorrectionCommands),
        ...Object.values(CrossRefCorrectionCommands),
      ].sort(),
    );
  });

  it('every command is in the "Article Lens" category with a localized title', () => {
    for (const c of contributed) {
      assert.equal(c.category, '%category%', c.command);
      const key = c.title.replace(/^%|%$/g, '');
      assert.ok(nls[key], `English title for ${c.command}`);
      assert.ok(nlsFr[key], `French title for ${c.command}`);
    }
    assert.equal(nls.category, 'Article Lens');
  });

  it('the show-panel command is titled "Show Panel" (palette: "Article Lens: Show Panel")', () => {
    const c = contributed.find((x) => x.command === Commands.showPanel);
    assert.ok(c);
    assert.equal(nls[c.title.replace(/%/g, '')], 'Show Panel');
  });

  it('the typed handler maps in src/features/commands.ts and crossRefCommands.ts cover every command and nothing else', () => {
    const src = read('src/features/commands.ts');
    const keys = [...src.matchAll(/^\s+\[Commands\.(\w+)\]:/gm)].map((m) => m[1]);
    assert.deepEqual(keys.sort(), Object.keys(Commands).sort());
    assert.match(src, /satisfies Record<CommandId, Handler>/);
    // Show Cross-References is registered with its view (it returns the view's model).
    const crossRef = read('src/features/crossRefCommands.ts');
    const crossRefKeys = [...crossRef.matchAll(/^\s+\[CrossRefCommands\.(\w+)\]:/gm)].map((m) => m[1]);
    assert.deepEqual(
      crossRefKeys.sort(),
      Object.keys(CrossRefCommands)
        .filter((k) => k !== 'showCrossReferences')
        .sort(),
    );
    assert.match(crossRef, /satisfies Record<CrossRefCommandId, Handler>/);
    assert.match(read('src/features/crossRefView.ts'), /\[CrossRefCommands\.showCrossReferences\]:/);
    const corrections = read('src/features/corrections.ts');
    const correctionKeys = [...corrections.matchAll(/^\s+\[CorrectionCommands\.(\w+)\]:/gm)].map((m) => m[1]);
    assert.deepEqual(correctionKeys.sort(), Object.keys(CorrectionCommands).sort());
    const links = read('src/features/crossRefCorrections.ts');
    const linkKeys = [...links.matchAll(/^\s+\[CrossRefCorrectionCommands\.(\w+)\]:/gm)].map((m) => m[1]);
    assert.deepEqual(linkKeys.sort(), Object.keys(CrossRefCorrectionCommands).sort());
  });

  it('every command is registered through the one wrapper that reports failures', () => {
    const registering = walk('src').filter((f) => /registerCommand\(/.test(read(f)));
    assert.deepEqual(
      registering.map((f) => f.replace(/\\/g, '/')),
      ['src/util/commands.ts'],
    );
  });

  it('menus and keybindings only name contributed commands', () => {
    const ids = new Set([
      ...Object.values(Commands),
      ...Object.values(CrossRefCommands),
      ...Object.values(CorrectionCommands),
      ...Object.values(CrossRefCorrectionCommands),
    ] as string[]);
    for (const [menu, items] of Object.entries(contributes.menus as Record<string, { command: string }[]>)) {
      for (const it of items) assert.ok(ids.has(it.command), `${menu}: ${it.command}`);
    }
    const keyed = (contributes.keybindings as { command: string }[]).map((k) => k.command).sort();
    assert.deepEqual(
      keyed,
      [Commands.nextEntity, Commands.nextQuote, Commands.previousEntity, Commands.previousQuote].sort(),
    );
  });
});

describe('manifest: views, language, colours, tokens', () => {
  it('declares the activity-bar container and the webview view', () => {
    const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === Views.container);
    assert.ok(container);
    assert.equal(container.title, 'Article Lens');
    assert.ok(statSync(join(root, container.icon)).isFile());
    const views = contributes.views[Views.container];
    assert.deepEqual(
      views.map((v: { id: string; type: string }) => [v.id, v.type]),
      [
        [Views.panel, 'webview'],
        [Views.crossRefs, 'webview'],
      ],
    );
  });

  it('contributes the article language with its grammar file', () => {
    assert.equal(contributes.languages[0].id, LANGUAGE_ID);
    const grammar = contributes.grammars.find((g: { language: string }) => g.language === LANGUAGE_ID);
    const tm = JSON.parse(read(grammar.path));
    assert.equal(tm.scopeName, grammar.scopeName);
    assert.ok(JSON.parse(read(contributes.languages[0].configuration)));
  });

  it('contributes a background and a border colour per layer of the kinds registry, for light, dark and both high-contrast themes', () => {
    const colors = new Map(
      (contributes.colors as { id: string; defaults: Record<string, string> }[]).map((c) => [c.id, c]),
    );
    for (const layer of LAYERS) {
      for (const part of ['Background', 'Border'] as const) {
        const c = colors.get(colorId(layer, part));
        assert.ok(c, colorId(layer, part));
        for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) {
          assert.match(c.defaults[theme], /^#[0-9a-f]{6}([0-9a-f]{2})?$/i, `${c.id} ${theme}`);
        }
      }
    }
    assert.equal(colors.size, LAYERS.length * 2);
  });

  it('declares the semantic token type of every layer of the kinds registry with a superType and a TextMate scope fallback', () => {
    const types = contributes.semanticTokenTypes as { id: string; superType: string }[];
    assert.deepEqual(types.map((t) => t.id).sort(), LAYERS.map((l) => LAYER_INFO[l].tokenType).sort());
    assert.equal(new Set(LAYERS.map((l) => LAYER_INFO[l].tokenType)).size, LAYERS.length, 'one token type per layer');
    for (const t of types) assert.ok(t.superType, t.id);
    const scopes = contributes.semanticTokenScopes[0];
    assert.equal(scopes.language, LANGUAGE_ID);
    for (const t of types) assert.ok(scopes.scopes[t.id]?.length, t.id);
  });

  it('declares the token modifiers of the kinds registry', () => {
    const modifiers = (contributes.semanticTokenModifiers as { id: string }[]).map((m) => m.id);
    assert.deepEqual(modifiers.sort(), [...TOKEN_MODIFIERS].sort());
    for (const layer of LAYERS)
      for (const m of LAYER_INFO[layer].tokenModifiers) assert.ok(modifiers.includes(m), `${layer}: ${m}`);
  });

  it('registers every provider for the documents the activation events name', () => {
    assert.deepEqual(ARTICLE_DOCUMENTS.map((d) => `onLanguage:${d.language}`).sort(), [...pkg.activationEvents].sort());
    for (const file of walk('src/features')) {
      for (const m of read(file).matchAll(/vscode\.languages\.register\w+Provider\(\s*([^,]+),/g))
        assert.equal(m[1].trim(), 'ARTICLE_DOCUMENTS', `${file}: ${m[0]}`);
    }
  });
});

describe('manifest: settings', () => {
  const props: Record<string, { default: unknown }> = {};
  for (const section of contributes.configuration as {
    title: string;
    properties: Record<string, { default: unknown }>;
  }[]) {
    assert.ok(section.title, 'every settings section has a title');
    Object.assign(props, section.properties);
  }

  it('package.json declares exactly the settings in src/constants.ts and the kinds registry, with the same defaults', () => {
    const keys = [...Object.values(Config).filter((k) => k !== Config.section), ...KINDS.map(highlightSetting)];
    assert.deepEqual(Object.keys(props).sort(), [...keys].sort());
    for (const k of keys) assert.deepEqual(props[k].default, CONFIG_DEFAULTS[k], k);
  });

  it('has one boolean highlight switch per kind of the registry', () => {
    for (const kind of KINDS)
      assert.equal((props[highlightSetting(kind)] as { type?: string } | undefined)?.type, 'boolean', kind);
  });

  it('groups settings in titled sections', () => {
    assert.ok((contributes.configuration as unknown[]).length >= 3);
  });
});

describe('manifest: localization', () => {
  it('every %key% in package.json exists in English and French', () => {
    const keys = [...read('package.json').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const k of keys) {
      assert.ok(nls[k], `package.nls.json: ${k}`);
      assert.ok(nlsFr[k], `package.nls.fr.json: ${k}`);
    }
    assert.deepEqual(Object.keys(nlsFr).sort(), Object.keys(nls).sort());
  });

  it('every vscode.l10n string used in src/ has a French translation', () => {
    const fr: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.fr.json'));
    assert.equal(pkg.l10n, './l10n');
    const missing: string[] = [];
    for (const file of walk('src')) {
      const src = read(file);
      // t('…') and t("…"), also when the string starts on the next line.
      for (const m of src.matchAll(/\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) {
        const s = (m[1] ?? m[2]).replace(/\\'/g, "'");
        if (!(s in fr)) missing.push(`${file}: ${s}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});

describe('manifest: activation, capabilities, packaging, layering', () => {
  it('activates on articles and plain text only, never on start-up', () => {
    assert.deepEqual(pkg.activationEvents.sort(), ['onLanguage:article', 'onLanguage:plaintext']);
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('declares support for untrusted (with the limits restricted, see config.test.ts) and virtual workspaces', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, true);
  });

  it('.vscodeignore is an allowlist that ships the extension, worker, webview and media', () => {
    const lines = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim());
    assert.ok(lines.includes('**'));
    for (const f of [
      'dist/extension.js',
      'dist/worker.js',
      'dist/webview.js',
      'media/base.css',
      'media/panel.css',
      'media/crossRefs.css',
      'media/icon.svg',
      'media/icon.png',
      'syntaxes/article.tmLanguage.json',
      'l10n/bundle.l10n.fr.json',
    ]) {
      assert.ok(lines.includes(`!${f}`), f);
    }
  });

  it('src/core, src/shared and src/views never import vscode; only the worker imports the analysis entry point', () => {
    for (const file of [...walk('src/core'), ...walk('src/shared'), ...walk('src/views')]) {
      assert.doesNotMatch(read(file), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
    }
    const importers = walk('src').filter((f) =>
      /from ['"][./]*core\/analyze['"]|from ['"]\.\.\/core\/analyze['"]/.test(read(f)),
    );
    const extensionSide = importers.filter((f) => !f.includes('cli') && !f.includes('core'));
    assert.deepEqual(
      extensionSide.map((f) => f.replace(/\\/g, '/')),
      ['src/services/analysisWorker.ts'],
    );
  });

  it('activation does not load the NLP libraries: nothing reachable from src/extension.ts imports them', () => {
    const seen = new Set<string>();
    const nlp: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of read(file).matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        if (m[1]) continue; // type-only imports are erased
        const spec = m[2];
        if (/^(compromise|fr-compromise|compromise-dates|chrono-node)(\/|$)/.test(spec)) nlp.push(`${file} → ${spec}`);
        if (!spec.startsWith('.')) continue;
        const base = join(file, '..', spec).replace(/\\/g, '/');
        for (const candidate of [`${base}.ts`, `${base}/index.ts`]) {
          try {
            statSync(join(root, candidate));
            visit(candidate);
            break;
          } catch {
            // try the next candidate
          }
        }
      }
    };
    visit('src/extension.ts');
    assert.ok(seen.has('src/services/analyses.ts'), 'the walk follows imports');
    assert.ok(!seen.has('src/core/analyze.ts'), 'the analysis entry point is only loaded by the worker');
    assert.deepEqual(nlp, []);
  });

  it('features do not import each other', () => {
    for (const file of walk('src/features')) {
      assert.doesNotMatch(read(file), /from '\.\//, file);
    }
  });
});
