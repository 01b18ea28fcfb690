import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, runCli } from '../../src/cli/main';
import { readArticle } from '../../src/cli/readArticle';
import { cleanForTerminal, jsonForTerminal, textForTerminal } from '../../src/cli/terminal';
import { analyze } from '../../src/core/analyze';
import { EXPORT_FORMATS } from '../../src/core/export';

const corpusDir = join(__dirname, '../fixtures/corpus');
const tmp = mkdtempSync(join(tmpdir(), 'article-lens-cli-'));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false });
  return { code, out, err };
}

describe('cli: arguments', () => {
  const ok: [string[], Partial<ReturnType<typeof parseArgs>>][] = [];
  void ok;
  it('parses analyze options', () => {
    const r = parseArgs(['analyze', '--json', '--lang', 'fr', '--reference-date=2020-08-17', 'a.txt', 'b.txt']);
    assert.deepEqual(r, {
      ok: true,
      options: {
        command: 'analyze',
        json: true,
        lang: 'fr',
        referenceDate: '2020-08-17',
        maxBytes: 5 * 1024 * 1024,
        files: ['a.txt', 'b.txt'],
      },
    });
  });
  const bad: [string[], RegExp][] = [
    [['analyze'], /no FILE/],
    [['translate', 'a.txt'], /unknown command/],
    [['analyze', '--reference-date', '2020-02-30', 'a.txt'], /YYYY-MM-DD/],
    [['analyze', '--lang', 'english', 'a.txt'], /language code/],
    [['analyze', '--frobnicate', 'a.txt'], /unknown option/],
    [['analyze', 'a.txt', '--corrections'], /--corrections needs a corrections FILE/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')}`, () => {
      const r = parseArgs(argv);
      assert.equal(r.ok, false);
      assert.match((r as { error: string }).error, message);
    });
  }
});

describe('cli: corrections options', () => {
  it('takes a corrections file, or none; without either it looks for one', () => {
    const file = parseArgs(['xref', '--corrections=team/article-lens.corrections.json', 'a.txt']);
    assert.deepEqual(file.ok === true && file.options.corrections, {
      kind: 'file',
      path: 'team/article-lens.corrections.json',
    });
    const none = parseArgs(['analyze', '--no-corrections', 'a.txt']);
    assert.deepEqual(none.ok === true && none.options.corrections, { kind: 'none' });
    const auto = parseArgs(['analyze', 'a.txt']);
    assert.equal(auto.ok === true && auto.options.corrections, undefined);
  });
});

describe('cli: reading files', () => {
  it('removes a BOM and keeps CRLF', () => {
    const f = join(tmp, 'bom.txt');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Line one.\r\nLine two.', 'utf8')]));
    assert.deepEqual(readArticle(f), { ok: true, text: 'Line one.\r\nLine two.', warnings: [] });
  });
  it('replaces malformed UTF-8 with a warning', () => {
    const f = join(tmp, 'bad.txt');
    writeFileSync(f, Buffer.from([0x43, 0x61, 0x66, 0xc3, 0x28, 0x20, 0x6f, 0x6b]));
    const r = readArticle(f);
    assert.ok(r.ok);
    assert.equal(r.ok && r.text, 'Caf\ufffd( ok');
    assert.match(r.ok ? r.warnings[0] : '', /UTF-8/);
  });
  it('decodes UTF-16 with a BOM', () => {
    const f = join(tmp, 'utf16.txt');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Élysée', 'utf16le')]));
    assert.deepEqual(readArticle(f), { ok: true, text: 'Élysée', warnings: [] });
  });
  it('refuses binary, huge, missing files and directories', () => {
    const bin = join(tmp, 'x.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    assert.match((readArticle(bin) as { error: string }).error, /binary/);
    const big = join(tmp, 'big.txt');
    writeFileSync(big, 'a'.repeat(2048));
    assert.match((readArticle(big, 1024) as { error: string }).error, /too large/);
    assert.match((readArticle(join(tmp, 'nope.txt')) as { error: string }).error, /no such file/);
    assert.match((readArticle(tmp) as { error: string }).error, /directory/);
  });
  it('refuses a device, even through a symbolic link with a .txt name, without reading it', () => {
    assert.deepEqual(readArticle('/dev/zero'), { ok: false, error: 'is a device, not a regular file' });
    const link = join(tmp, 'zero.txt');
    symlinkSync('/dev/zero', link);
    assert.deepEqual(readArticle(link), { ok: false, error: 'is a device, not a regular file' });
  });
  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = join(tmp, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(readArticle(fifo), { ok: false, error: 'is a pipe (FIFO), not a regular file' });
  });
  it('accepts a file of exactly the limit and refuses one byte more', () => {
    const f = join(tmp, 'limit.txt');
    writeFileSync(f, 'a'.repeat(1024));
    assert.deepEqual(readArticle(f, 1024), { ok: true, text: 'a'.repeat(1024), warnings: [] });
    writeFileSync(f, 'a'.repeat(1025));
    assert.match((readArticle(f, 1024) as { error: string }).error, /too large \(1025 B; the limit is 1024 B,/);
  });
});

describe('cli: analyze', function () {
  this.timeout(120000);
  it('prints the documented JSON shape and keeps going after a bad file', async () => {
    const bin = join(tmp, 'y.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3]));
    const { code, out, err } = await run(['analyze', '--json', bin, join(corpusDir, '002_99e5ccb7759e430c.txt')]);
    assert.equal(code, 1);
    assert.match(err, /y\.bin: looks like a binary file/);
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    assert.equal(json.documents.length, 1);
    const doc = json.documents[0];
    assert.equal(doc.language, 'fr');
    for (const key of ['file', 'language', 'referenceDate', 'entities', 'figures', 'dates', 'quotes'])
      assert.ok(key in doc, key);
    const fig = doc.figures.find((f: { text: string }) => f.text === '175\u00a0millions de téléchargements');
    assert.deepEqual({ value: fig.value, unit: fig.unit }, { value: 175000000, unit: 'téléchargements' });
  });
  it('prints a readable report without --json', async () => {
    const { code, out } = await run(['analyze', join(corpusDir, '000_0891fa58e8947cdd.txt')]);
    assert.equal(code, 0);
    assert.match(out, /language: en/);
    assert.match(out, /1,500 American employees = 1500 employees/);
  });
  it('exits 2 with usage on bad arguments', async () => {
    const { code, err } = await run(['analyze']);
    assert.equal(code, 2);
    assert.match(err, /Usage:/);
  });
  it('--format writes one file in an export format of the registry, as the editor command does', async () => {
    const file = join(corpusDir, '001_1a341257ed710bcc.txt');
    const text = readFileSync(file, 'utf8');
    const analysis = analyze(text);
    const brat = await run(['analyze', '--format', 'brat', file]);
    assert.equal(brat.code, 0);
    assert.equal(brat.out, EXPORT_FORMATS.brat.write({ name: file, uri: '' }, text, analysis));
    assert.match(brat.out, /^T1\t\w+ \d+ \d+\t/);
    const w3c = await run(['analyze', '--format=w3c', file]);
    assert.equal(w3c.code, 0);
    const collection = JSON.parse(w3c.out);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.first.items[0].target.source, `file://${file}`);
    // `--format json` is `--json`.
    assert.deepEqual(parseArgs(['analyze', '--format', 'json', file]), parseArgs(['analyze', '--json', file]));
  });
  it('--format refuses an unknown format, several files and xref', () => {
    assert.match(
      (parseArgs(['analyze', '--format', 'csv', 'a.txt']) as { error: string }).error,
      /--format needs one of json\|brat\|w3c/,
    );
    assert.match((parseArgs(['analyze', '--format', 'brat', 'a.txt', 'b.txt']) as { error: string }).error, /one FILE/);
    assert.match((parseArgs(['xref', '--format', 'w3c', 'a.txt']) as { error: string }).error, /analyze only/);
  });
});

describe('cli: xref', function () {
  this.timeout(120000);
  it('groups the three sample articles into one story and links entities across languages', async () => {
    const files = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'].map((f) =>
      join(corpusDir, f),
    );
    const { code, out } = await run(['xref', '--json', ...files]);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    assert.equal(json.documents.length, 3);
    assert.deepEqual(
      json.stories.map((s: { files: string[] }) => s.files.length),
      [3],
    );
    const nz = json.links.find(
      (l: { kind: string; items?: { name: string }[] }) =>
        l.kind === 'entity' && l.items!.some((i) => i.name === 'Nouvelle-Zélande'),
    );
    assert.ok(nz, 'Nouvelle-Zélande is linked');
    assert.ok(nz.items.some((i: { name: string }) => i.name === 'New Zealand'));
    const reworded = json.links.find(
      (l: { kind: string; a?: { text: string } }) =>
        l.kind === 'quote' && l.a!.text.startsWith('TikTok has never provided any US data'),
    );
    assert.equal(reworded?.reworded, true);
    assert.ok(
      json.onlyIn.some((o: { name: string }) => o.name === 'Walmart'),
      'Walmart only in the French article',
    );
  });
  it('prints a readable report', async () => {
    const files = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt'].map((f) => join(corpusDir, f));
    const { code, out } = await run(['xref', ...files]);
    assert.equal(code, 0);
    assert.match(out, /Story \(score/);
    assert.match(out, /"data" → "information"/);
  });
});

describe('cli: hostile file names', function () {
  this.timeout(120000);
  // A valid file name that retitles the terminal window (OSC 0) and clears the screen (CSI 2J).
  const hostile = join(tmp, 'x\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eevil.txt');
  before(() => copyFileSync(join(corpusDir, '000_0891fa58e8947cdd.txt'), hostile));
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('the report prints the name without control characters', async () => {
    const { code, out } = await run(['analyze', hostile]);
    assert.equal(code, 0);
    assert.doesNotMatch(out, raw);
    assert.match(out, /== .*x \]0;PWNED \[2J 31m evil\.txt/);
  });
  it('error messages print the name without control characters', async () => {
    const { code, err } = await run(['analyze', `${hostile}.missing`, '--bogus\u001b[2J']);
    assert.equal(code, 2);
    assert.doesNotMatch(err, raw);
    const r = await run(['analyze', `${hostile}.missing`]);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.err, raw);
    assert.match(r.err, /evil\.txt\.missing: no such file/);
  });
  it('--json escapes what a terminal would act on and keeps the name exact', async () => {
    const { code, out } = await run(['analyze', '--json', hostile]);
    assert.equal(code, 0);
    assert.doesNotMatch(out, raw);
    assert.equal(JSON.parse(out).documents[0].file, hostile);
  });
  it('--format brat replaces what a terminal would act on one for one, so the offsets still hold', async () => {
    const file = join(tmp, 'controls.txt');
    const text = `${readFileSync(join(corpusDir, '000_0891fa58e8947cdd.txt'), 'utf8')}\n\nTikTok\u001b[2J said \u201cNo\u202e comment\u009b.\u201d`;
    writeFileSync(file, text);
    const { code, out } = await run(['analyze', '--format', 'brat', file]);
    assert.equal(code, 0);
    // Tabs separate brat's fields and line feeds its lines: they are the only controls left.
    assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.match(out, /No\ufffd comment\ufffd\./);
    assert.equal(out.length, EXPORT_FORMATS.brat.write({ name: file, uri: '' }, text, analyze(text)).length);
    assert.equal(textForTerminal('a\tb\nc\u001bd\u202ee'), 'a\tb\nc\ufffdd\ufffde');
  });
  it('the xref report prints the names without control characters', async () => {
    const { code, out } = await run(['xref', '--one-story', hostile, join(corpusDir, '002_99e5ccb7759e430c.txt')]);
    assert.equal(code, 0);
    assert.doesNotMatch(out, raw);
    assert.match(out, /\[.*evil\.txt\]/);
  });
});

describe('cli: terminal safety', () => {
  it('jsonForTerminal writes C1, bidi and line separators as escapes of the same JSON value', () => {
    const value = { s: 'a\u009b2J b\u202e c\u2028 d\u007f e — é' };
    const json = jsonForTerminal(JSON.stringify(value));
    assert.equal(json, '{"s":"a\\u009b2J b\\u202e c\\u2028 d\\u007f e — é"}');
    assert.deepEqual(JSON.parse(json), value);
  });
  const cases: [string, string][] = [
    ['plain “quote” stays', 'plain “quote” stays'],
    ['\u001b[31mred\u001b[0m and \u009b2J CSI', '[31mred [0m and 2J CSI'],
    ['bidi \u202eesrever\u202c and \u2066isolate\u2069', 'bidi esrever and isolate'],
    ['line\r\nbreaks\tand   spaces', 'line breaks and spaces'],
  ];
  for (const [input, expected] of cases)
    it(JSON.stringify(input), () => assert.equal(cleanForTerminal(input), expected));
});
