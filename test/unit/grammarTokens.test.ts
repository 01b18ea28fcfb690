// The TextMate grammar tokenized by the engine VS Code uses (vscode-textmate over Oniguruma), so what is tested is
// what the editor paints on first load: dates are coloured as whole words only, in both languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.join(__dirname, '..', '..');
const grammarPath = path.join(root, 'syntaxes', 'article.tmLanguage.json');

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('text.article');
  assert.ok(grammar, 'the grammar loads');
  return grammar;
}

/** The texts of a line that the grammar scopes as a date (any `constant.other.date…` scope). */
function dateTexts(grammar: textmate.IGrammar, line: string): string[] {
  // A first line is the headline rule's; tokenize the line as the second line of an article.
  const first = grammar.tokenizeLine('Headline', textmate.INITIAL);
  const { tokens } = grammar.tokenizeLine(line, first.ruleStack);
  const out: string[] = [];
  let open: { start: number; end: number } | undefined;
  for (const t of tokens) {
    const isDate = t.scopes.some((s) => s.startsWith('constant.other.date'));
    if (isDate && open && open.end === t.startIndex) open.end = t.endIndex;
    else if (isDate) {
      if (open) out.push(line.slice(open.start, open.end));
      open = { start: t.startIndex, end: t.endIndex };
    } else if (open) {
      out.push(line.slice(open.start, open.end));
      open = undefined;
    }
  }
  if (open) out.push(line.slice(open.start, open.end));
  return out;
}

const MONTHS = [
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'],
  ...['November', 'December', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre'],
  ...['octobre', 'novembre', 'décembre'],
];
const WEEKDAYS = [
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ...['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
];

describe('article grammar, as VS Code tokenizes it', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  const cases: Array<[line: string, dates: string[]]> = [
    ['Mais le ministre a répondu par e-mails le 3 mai 2019.', ['3 mai 2019']],
    ['Mai 68 reste dans les mémoires, mais pas les e-mails.', ['Mai 68']],
    ['The talks resumed on Thursday, October 31, 2019, in Geneva.', ['Thursday, October 31, 2019']],
    ['Officials may decide by March 3 whether the march goes ahead.', ['March 3']],
    [
      'Les marchés ont ouvert le lundi 4 novembre, à la mi-mai les marsouins étaient partis.',
      ['lundi 4 novembre', 'mai'],
    ],
    ['He reported it on 2019-05-03 and again on 3/5/2019.', ['2019-05-03', '3/5/2019']],
    ['Mayor Juneau said Augusta and Marshall were sunday-school friends.', []],
    ['Il est arrivé le 1er août au Havre, puis en décembre.', ['1er août', 'décembre']],
  ];
  for (const [line, dates] of cases) {
    it(`dates in: ${line}`, () => assert.deepEqual(dateTexts(grammar, line), dates));
  }

  it('colours no month or weekday name inside a longer word, in either language', () => {
    for (const word of [...MONTHS, ...WEEKDAYS]) {
      for (const inside of [`${word}s`, `${word}x`, `x${word}`, `${word}é`, `é${word}`, `${word}9`]) {
        assert.deepEqual(dateTexts(grammar, `Le mot ${inside} ici.`), [], inside);
      }
      assert.deepEqual(dateTexts(grammar, `Le mot ${word} ici.`), [word], word);
    }
  });
});
