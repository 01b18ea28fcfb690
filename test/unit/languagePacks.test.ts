import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { detectLanguage } from '../../src/core/lang/detect';
import { parseLexicon } from '../../src/core/lang/lexiconTable';
import { allPacks, packFor } from '../../src/core/lang/registry';

const root = join(__dirname, '../..');

const SPANISH = `MADRID, 2024-03-15 (EFE)

El Gobierno de España anunció este viernes un plan de vivienda de 3.500 millones de euros para los próximos
cinco años. «Es una prioridad absoluta para el país», dijo la ministra de Vivienda en una rueda de prensa.

Según los datos del Instituto Nacional de Estadística, el precio del alquiler subió un 8,5% en 2023, y más de
200.000 familias esperan una vivienda social. La oposición calificó el plan de "insuficiente" y pidió que el
Congreso lo debata antes del 30 de junio.`;

const GERMAN = `BERLIN, 2024-05-02 (dpa)

Die Bundesregierung will bis 2030 rund 15 Milliarden Euro in den Ausbau der Bahn investieren.
„Wir haben keine Zeit zu verlieren“, sagte der Verkehrsminister am Donnerstag in Berlin. Nach Angaben des
Ministeriums sollen damit mehr als 1.800 Kilometer Strecke erneuert werden; die Pünktlichkeit lag im vergangenen
Jahr bei 64 %. Die Gewerkschaft kritisierte die Pläne und sprach von einem „Tropfen auf den heißen Stein“.`;

describe('language packs', () => {
  it('has a pack per supported language and none for others', () => {
    assert.deepEqual(
      allPacks().map((p) => p.code),
      ['en', 'fr'],
    );
    for (const p of allPacks()) assert.equal(packFor(p.code), p);
    assert.equal(packFor('es'), undefined);
    assert.equal(packFor('de'), undefined);
    assert.equal(packFor('und'), undefined);
  });

  for (const [name, text, code] of [
    ['Spanish', SPANISH, 'es'],
    ['German', GERMAN, 'de'],
  ] as const) {
    describe(`${name} news text (no pack): the language-neutral part only`, () => {
      const a = analyze(text);

      it('is detected and gets the "not supported" note, no entities', () => {
        assert.equal(detectLanguage(text), code);
        assert.equal(a.language, code);
        assert.equal(a.entitiesSupported, false);
        assert.deepEqual(a.notes, [`language not supported for entities: ${code}`]);
        assert.deepEqual(a.entities, []);
      });

      it("finds the quotes by their marks, without speakers from another language's words", () => {
        const texts = a.quotes.map((q) => q.text);
        assert.ok(
          texts.some((t) => t.startsWith(code === 'es' ? 'Es una prioridad' : 'Wir haben keine Zeit')),
          texts.join(' | '),
        );
        for (const q of a.quotes) assert.equal(q.speaker, null);
      });

      it('reads ISO dates only (no English month, weekday or bare-year rules)', () => {
        assert.deepEqual(
          a.dates.map((d) => [d.text, d.value]),
          [[code === 'es' ? '2024-03-15' : '2024-05-02', code === 'es' ? '2024-03-15' : '2024-05-02']],
        );
        assert.equal(a.referenceDate?.value, code === 'es' ? '2024-03-15' : '2024-05-02');
      });

      it('reads figures in digits, with percentages, and no number words', () => {
        const figures = a.figures.map((f) => [f.text, f.kind]);
        if (code === 'es') {
          assert.ok(
            figures.some(([t, k]) => t === '8,5%' && k === 'percent'),
            JSON.stringify(figures),
          );
          assert.ok(!a.figures.some((f) => /cinco/.test(f.text)));
        } else {
          assert.ok(
            figures.some(([t, k]) => t === '64 %' && k === 'percent'),
            JSON.stringify(figures),
          );
        }
        for (const f of a.figures) assert.equal(text.slice(f.start, f.end), f.text);
      });
    });
  }

  it('an explicit unsupported language gets no English rules, even on English text', () => {
    const text = 'On June 1, the company said it would hire twenty workers. "We are growing," said Jane Smith.';
    const en = analyze(text, { lang: 'en' });
    const de = analyze(text, { lang: 'de' });
    assert.ok(en.dates.length > 0 && en.entities.length > 0 && en.quotes[0].speaker !== null);
    assert.deepEqual(de.dates, []);
    assert.deepEqual(de.entities, []);
    assert.equal(de.quotes.length, 1);
    assert.equal(de.quotes[0].speaker, null);
    assert.ok(!de.figures.some((f) => /twenty/.test(f.text)));
  });

  it("the lexicon tables are the taggers' own lexicons (rerun scripts/lexicons/main.mjs after an upgrade)", function () {
    this.timeout(120000);
    for (const [code, lib] of [
      ['en', 'compromise'],
      ['fr', 'fr-compromise'],
    ] as const) {
      const table = parseLexicon(readFileSync(join(root, `src/core/lang/${code}/lexicon.txt`), 'utf8'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(lib) as { default?: unknown };
      const nlp = (mod.default ?? mod) as { world(): { model: { one: { lexicon: Record<string, unknown> } } } };
      const lexicon = nlp.world().model.one.lexicon;
      let words = 0;
      for (const [word, v] of Object.entries(lexicon)) {
        const tag = typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
        if (tag === undefined) continue;
        words++;
        if (table.get(word) !== tag)
          assert.fail(`${code} lexicon table: ${word} is ${String(table.get(word))}, ${lib} says ${tag}`);
      }
      assert.equal(table.size, words);
      assert.equal(packFor(code)?.lexicon('paris'), table.get('paris'));
    }
  });

  // A fresh process per language: which tagger libraries does analysing one article load?
  const loadedLibraries = (file: string): { language: string; compromise: boolean; frCompromise: boolean } => {
    const script = `
      const { analyze } = require('./src/core/analyze');
      const text = require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8');
      const a = analyze(text);
      const keys = Object.keys(require.cache);
      const has = (name) => keys.some((k) => k.split(/[\\\\/]/).join('/').includes('/node_modules/' + name + '/'));
      process.stdout.write(JSON.stringify({ language: a.language, compromise: has('compromise'), frCompromise: has('fr-compromise') }));
    `;
    const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-r', './test/binaryModule.js', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { language: string; compromise: boolean; frCompromise: boolean };
  };

  it('analysing English loads compromise and never fr-compromise', function () {
    this.timeout(120000);
    assert.deepEqual(loadedLibraries('test/fixtures/corpus/000_0891fa58e8947cdd.txt'), {
      language: 'en',
      compromise: true,
      frCompromise: false,
    });
  });

  it('analysing French loads fr-compromise and never the English compromise', function () {
    this.timeout(120000);
    assert.deepEqual(loadedLibraries('test/fixtures/corpus/002_99e5ccb7759e430c.txt'), {
      language: 'fr',
      compromise: false,
      frCompromise: true,
    });
  });
});
