// Readers and scorers of the quality harness (scripts/eval), on tiny inline samples.
import assert from 'node:assert/strict';
import { firstAnnPerArticle, goldDirectQuotes, hasDirectQuote, readBrat } from '../../scripts/eval/brat';
import {
  batchSentences,
  buildDoc,
  chunkTags,
  readConll2003,
  readWikiNeural,
  tokenAligner,
} from '../../scripts/eval/conll';
import { normValue, scoreDates } from '../../scripts/eval/dates';
import { scoreNer } from '../../scripts/eval/ner';
import { lastWord, scoreQuotes, speakerCorrect } from '../../scripts/eval/quotes';
import { matchOverlapping, prf } from '../../scripts/eval/score';
import { readTimeml, referenceFromDct, unescapeXml } from '../../scripts/eval/timeml';
import type { Quote } from '../../src/core/types';

const CONLL = `-DOCSTART- -X- -X- O

CRICKET NNP B-NP O
- : O O
LEICESTERSHIRE NNP B-NP B-ORG
TAKE NNP I-NP O
OVER IN B-PP O
AT NNP B-NP O
TOP NNP I-NP O
AFTER NNP I-NP O
INNINGS NNP I-NP O
VICTORY NN I-NP O
. . O O

LONDON NNP B-NP B-LOC
1996-08-30 CD I-NP O

-DOCSTART- -X- -X- O

West NNP B-NP B-MISC
Indian NNP I-NP I-MISC
all-rounder NN I-NP O
Phil NNP I-NP B-PER
Simmons NNP I-NP I-PER
took VBD B-VP O
`;

describe('eval: CoNLL readers', () => {
  it('splits CoNLL-2003 into -DOCSTART- documents and blank-line sentences', () => {
    const docs = readConll2003(CONLL);
    assert.equal(docs.length, 2);
    assert.equal(docs[0]!.sentences.length, 2);
    assert.deepEqual(docs[0]!.sentences[1]!.tokens, ['LONDON', '1996-08-30']);
    assert.deepEqual(docs[1]!.sentences[0]!.tags, ['B-MISC', 'I-MISC', 'O', 'B-PER', 'I-PER', 'O']);
  });

  it('reads WikiNEuRal tab-separated sentences and batches them', () => {
    const sents = readWikiNeural(
      '0\tLe\tO\n1\tfilm\tO\n2\tde\tO\n3\tBille\tB-PER\n4\tWoodruff\tI-PER\n\n0\tÀ\tO\n1\tParis\tB-LOC\n',
    );
    assert.equal(sents.length, 2);
    assert.deepEqual(sents[1]!.tokens, ['À', 'Paris']);
    assert.deepEqual(
      batchSentences([...sents, ...sents, ...sents], 4).map((d) => d.sentences.length),
      [4, 2],
    );
  });

  const chunkCases: Array<[string[], string[]]> = [
    [['B-PER', 'I-PER', 'O'], ['PER 0-2']],
    [['O', 'I-LOC', 'I-LOC'], ['LOC 1-3']], // I- after O opens an entity (conlleval)
    [
      ['B-ORG', 'I-LOC'],
      ['ORG 0-1', 'LOC 1-2'],
    ], // I- of another type opens a new one
    [
      ['B-PER', 'B-PER'],
      ['PER 0-1', 'PER 1-2'],
    ], // B- always opens
    [['O', 'O'], []],
  ];
  for (const [tags, expected] of chunkCases) {
    it(`chunks ${tags.join(' ')}`, () => {
      assert.deepEqual(
        chunkTags(tags).map((c) => `${c.type} ${c.start}-${c.end}`),
        expected,
      );
    });
  }

  it('builds text with single spaces, "\\n" between sentences, and maps spans to tokens', () => {
    const doc = buildDoc(readConll2003(CONLL)[0]!, '\n');
    assert.ok(doc.text.startsWith('CRICKET - LEICESTERSHIRE TAKE'));
    assert.ok(doc.text.endsWith('VICTORY .\nLONDON 1996-08-30'));
    assert.deepEqual(
      doc.chunks.map((c) => `${c.type} ${c.start}-${c.end}`),
      ['ORG 2-3', 'LOC 11-12'],
    );
    const align = tokenAligner(doc);
    const london = doc.text.indexOf('LONDON');
    assert.deepEqual(align(london, london + 6), { start: 11, end: 12 });
    assert.equal(align(london, london + 3), null); // ends inside a token
    assert.equal(align(london - 1, london + 6), null); // starts on the newline
  });
});

describe('eval: NER scoring', () => {
  const doc = buildDoc(readConll2003(CONLL)[1]!, '\n'); // "West Indian all-rounder Phil Simmons took"
  const at = (s: string): { start: number; end: number } => {
    const i = doc.text.indexOf(s);
    return { start: i, end: i + s.length };
  };

  it('counts exact span+type matches, excludes MISC gold, and flags predictions off token boundaries', () => {
    const s = scoreNer(
      [doc],
      [
        [
          { type: 'PER', ...at('Phil Simmons') }, // correct
          { type: 'PER', ...at('Phil Simmons') }, // duplicate mention of the same span: counted once
          { type: 'LOC', ...at('West Indian') }, // on a MISC gold span: false positive
          { type: 'ORG', ...at('Simmo') }, // not on token boundaries: false positive
        ],
      ],
    );
    assert.deepEqual([s.perType.PER!.gold, s.perType.PER!.pred, s.perType.PER!.tp], [1, 1, 1]);
    assert.deepEqual([s.micro.gold, s.micro.pred, s.micro.tp], [1, 3, 1]);
    assert.equal(s.onMiscGold, 1);
    assert.equal(s.unaligned, 1);
  });

  it('a right span with the wrong type is both a false positive and a miss', () => {
    const s = scoreNer([doc], [[{ type: 'ORG', ...at('Phil Simmons') }]]);
    assert.deepEqual([s.micro.gold, s.micro.pred, s.micro.tp], [1, 1, 0]);
  });
});

describe('eval: P/R/F1 and overlap matching', () => {
  it('computes P/R/F1 and guards zero denominators', () => {
    const r = prf(4, 2, 1);
    assert.equal(r.p, 0.5);
    assert.equal(r.r, 0.25);
    assert.ok(Math.abs(r.f1 - 1 / 3) < 1e-12);
    assert.deepEqual(prf(0, 0, 0), { gold: 0, pred: 0, tp: 0, p: 0, r: 0, f1: 0 });
  });

  it('matches one-to-one, preferring the larger overlap', () => {
    const gold = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const pred = [
      { start: 5, end: 25 }, // overlaps both golds by 5
      { start: 22, end: 30 }, // overlaps gold 1 by 8
      { start: 40, end: 50 }, // overlaps nothing
    ];
    assert.deepEqual(matchOverlapping(gold, pred), [
      [0, 0],
      [1, 1],
    ]);
    assert.deepEqual(matchOverlapping(gold, [{ start: 10, end: 20 }]), []); // touching is not overlapping
  });
});

const TML_EN = `<?xml version="1.0" ?>
<TimeML>
<DOCID>APW19980930.0425</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-09-30" temporalFunction="false" functionInDocument="CREATION_TIME">1998-09-30</TIMEX3></DCT>
<TEXT>
AT&amp;T said the team planned to <EVENT eid="e19" class="OCCURRENCE">leave</EVENT> Nairobi <SIGNAL sid="s3">on</SIGNAL> <TIMEX3 tid="t5" type="DATE" value="1998-10-01" temporalFunction="false" functionInDocument="NONE">Thursday</TIMEX3> for <TIMEX3 tid="t6" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t5" relatedToTime="t0"/>
</TimeML>
`;

const TML_FR = `<?xml version='1.0' encoding='UTF-8'?>
<!--
Source: Est Républicain/CNRTL
//-->
<TimeML>
<DOCID>1999-07-28-0438</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-07-28" /></DCT>
<TEXT>
Le CICV sur Arte <TIMEX3 anchorTimeID="t1" temporalFunction="true" tid="t2" type="TIME" value="1999-07-28TEV" valueFromFunction="tf5">ce soir</TIMEX3>.
</TEXT>
</TimeML>
`;

describe('eval: TimeML reader', () => {
  it('extracts TEXT without tags, unescapes entities, and keeps TIMEX3 spans and values (EN)', () => {
    const d = readTimeml(TML_EN);
    assert.equal(d.id, 'APW19980930.0425');
    assert.equal(d.dct, '1998-09-30');
    assert.equal(d.text, '\nAT&T said the team planned to leave Nairobi on Thursday for two days.\n');
    assert.deepEqual(
      d.timexes.map((t) => [d.text.slice(t.start, t.end), t.type, t.value]),
      [
        ['Thursday', 'DATE', '1998-10-01'],
        ['two days', 'DURATION', 'P2D'],
      ],
    );
  });

  it('reads the empty DCT element of French TimeBank', () => {
    const d = readTimeml(TML_FR, '1999-07-28-0438');
    assert.equal(d.dct, '1999-07-28');
    assert.equal(d.text, '\nLe CICV sur Arte ce soir.\n');
    assert.deepEqual(
      d.timexes.map((t) => [t.text, t.value]),
      [['ce soir', '1999-07-28TEV']],
    );
  });

  const unescapeCases: Array<[string, string]> = [
    ['AT&amp;T', 'AT&T'],
    ['&lt;b&gt; &quot;x&quot; &apos;y&apos;', `<b> "x" 'y'`],
    ['caf&#233; &#x2019;', 'café ’'],
    ['&unknown; &', '&unknown; &'],
  ];
  for (const [input, expected] of unescapeCases) {
    it(`unescapes ${input}`, () => assert.equal(unescapeXml(input), expected));
  }

  it('turns a DCT value into a reference date', () => {
    assert.equal(referenceFromDct('1998-09-30T08:00'), '1998-09-30');
    assert.equal(referenceFromDct(null), null);
  });
});

describe('eval: date scoring', () => {
  it('scores strict, relaxed and value accuracy', () => {
    const d = readTimeml(TML_EN);
    const thu = d.text.indexOf('Thursday');
    const two = d.text.indexOf('two days');
    const s = scoreDates(
      [d],
      [
        [
          { start: thu, end: thu + 8, value: '1998-10-01' }, // exact, right value
          { start: two - 4, end: two + 8, value: 'P1D' }, // "for two days": overlap only, wrong value
          { start: 1, end: 5, value: null }, // "AT&T": spurious
        ],
      ],
    );
    assert.deepEqual([s.strict.gold, s.strict.pred, s.strict.tp], [2, 3, 1]);
    assert.equal(s.relaxed.tp, 2);
    assert.equal(s.valueCorrect, 1);
    assert.equal(s.valueAccuracy, 0.5);
  });
  it('counts equivalent notations of a value as equal, and nothing else', () => {
    assert.equal(normValue('2000-W7'), normValue('2000-W07'));
    assert.equal(normValue('198X'), normValue('198'));
    assert.equal(normValue('19XX'), normValue('19'));
    assert.notEqual(normValue('1968-XX'), normValue('1968'));
    assert.notEqual(normValue('2000-W17'), normValue('2000-W7'));
  });
});

// Offsets written by hand for this text.
const ARTICLE = 'Title\n\nThe Post reports that she was “fine,” he said. “We will win,” Trump told the crowd.';
const ANN = [
  'T1\tSource 7 15\tThe Post',
  'T2\tCue 16 23\treports',
  'T3\tContent 24 44\tthat she was “fine,”',
  'T4\tAttribution 16 23\treports',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tContent 62 68;54 58\t, win,” “We', // out-of-order fragments: span 54..68
  'T6\tSource 69 74\tTrump',
  'T7\tAttribution 75 79\ttold',
  'E2\tAttribution:T7 Source:T6 Content:T5',
  'T8\tContent 48 52\tsaid',
  'T9\tAttribution 48 52\tsaid',
  'E3\tAttribution:T9 Content:T8',
].join('\n');

describe('eval: brat reader and quote scoring', () => {
  it('parses T lines with discontinuous spans and E lines in any role order', () => {
    const b = readBrat(ANN);
    assert.equal(b.attributions.length, 3);
    assert.deepEqual(b.attributions[1]!.roles, { Attribution: 'T7', Source: 'T6', Content: 'T5' });
    const t5 = b.spans.get('T5')!;
    assert.deepEqual([t5.start, t5.end, t5.discontinuous], [54, 68, true]);
    assert.equal(ARTICLE.slice(t5.start, t5.end), '“We will win,”');
  });

  const markCases: Array<[string, boolean]> = [
    ['that she was “fine,”', true],
    ['He said "no" twice', true],
    ['« Nous gagnerons »', true],
    ['a single " mark', false],
    ['closing only” here', false],
    ['indirect speech', false],
  ];
  for (const [text, expected] of markCases) {
    it(`direct-quote test: ${text}`, () => assert.equal(hasDirectQuote(text), expected));
  }

  it('keeps attributions whose Content holds quote marks, with their Source', () => {
    const gold = goldDirectQuotes(readBrat(ANN), ARTICLE);
    assert.deepEqual(
      gold.map((g) => [g.attribution, g.source?.text ?? null]),
      [
        ['E1', 'The Post'],
        ['E2', 'Trump'],
      ],
    );
  });

  it('takes the first .ann per article in sort order', () => {
    const m = firstAnnPerArticle(['a_x_2.ann', 'a_x_1.ann', 'b_9.ann', 'notes.txt']);
    assert.deepEqual(
      [...m.entries()],
      [
        ['a_x', 'a_x_1.ann'],
        ['b', 'b_9.ann'],
      ],
    );
  });

  const lastWordCases: Array<[string, string]> = [
    ['The New York Post', 'Post'],
    ['Hillary Clinton’s', 'Clinton'],
    ['Sen. Tim Kaine (D-Va.)', 'Kaine'],
    ['he', 'he'],
  ];
  for (const [input, expected] of lastWordCases) {
    it(`last word of ${input}`, () => assert.equal(lastWord(input), expected));
  }

  const sp = (name: string, start: number, end: number): Quote['speaker'] => ({
    name,
    entityId: null,
    start,
    end,
    via: 'named',
  });
  it('speaker rule: span overlap, or the name contains the gold last word as a whole word', () => {
    const gold = { start: 69, end: 74, text: 'Trump' };
    assert.equal(speakerCorrect(sp('Donald Trump', 0, 5), gold), true); // name holds "Trump"
    assert.equal(speakerCorrect(sp('the crowd', 69, 79), gold), true); // span overlaps
    assert.equal(speakerCorrect(sp('Trumpet', 0, 5), gold), false); // not a whole word
    assert.equal(speakerCorrect(null, gold), false);
  });

  it('scores quotes one-to-one, ignores scare quotes, and counts speakers over matched pairs with a Source', () => {
    const gold = goldDirectQuotes(readBrat(ANN), ARTICLE);
    const q = (start: number, end: number, scare: boolean, speaker: Quote['speaker']): Quote => ({
      start,
      end,
      text: ARTICLE.slice(start, end),
      outer: { start: start - 1, end: end + 1 },
      mark: 'curly',
      scare,
      speaker,
    });
    const s = scoreQuotes(
      [{ id: 'a', text: ARTICLE, gold }],
      [
        [
          q(38, 43, true, null), // “fine,” marked scare: ignored
          q(55, 67, false, sp('Donald Trump', 69, 74)),
          q(0, 5, false, null), // "Title": spurious
        ],
      ],
    );
    assert.deepEqual([s.quotes.gold, s.quotes.pred, s.quotes.tp], [2, 2, 1]);
    assert.equal(s.scarePredicted, 1);
    assert.deepEqual([s.speakerCorrect, s.speakerTotal], [1, 1]);
    assert.equal(s.extraPieces, 0);
  });

  it('counts a second piece of one gold quote as a false positive, and separately as an extra piece', () => {
    // “Smart,” he said, “very smart.” is one attribution whose Content covers both quoted pieces.
    const text = '“Smart,” he said, “very smart.”';
    const ann =
      'T1\tContent 0 31\t“Smart,” he said, “very smart.”\nT2\tSource 9 11\the\nT3\tAttribution 12 16\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2';
    const gold = goldDirectQuotes(readBrat(ann), text);
    const piece = (start: number, end: number): Quote => ({
      start,
      end,
      text: text.slice(start, end),
      outer: { start: start - 1, end: end + 1 },
      mark: 'curly',
      scare: false,
      speaker: sp('he', 9, 11),
    });
    const s = scoreQuotes([{ id: 'b', text, gold }], [[piece(1, 7), piece(19, 30)]]);
    assert.deepEqual([s.quotes.gold, s.quotes.pred, s.quotes.tp], [1, 2, 1]);
    assert.equal(s.extraPieces, 1);
    assert.deepEqual([s.quotesPiecesMerged.pred, s.quotesPiecesMerged.p], [1, 1]);
  });
});
