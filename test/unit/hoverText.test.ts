// Hover-card markdown (src/views/hoverText.ts): content of each card, and hostile article text rendered inert.
// Rendering uses `marked` (the Markdown renderer VS Code's hovers are built on; here from @vscode/vsce's tree).
import { strict as assert } from 'node:assert';
import { marked } from 'marked';
import {
  contextSnippet,
  dateHover,
  describeCalendarDate,
  describeDateValue,
  entityHover,
  escapeMarkdown,
  figureHover,
  quoteHover,
} from '../../src/views/hoverText';
import type { DateMention, Entity, Figure, Quote } from '../../src/core/types';

function render(md: string): string {
  return marked.parse(md, { async: false, gfm: true }) as string;
}

/** A rendered card is inert when it has no link, image, raw HTML element or code span of its own. */
function assertInert(html: string): void {
  assert.doesNotMatch(html, /<a\b/i, html);
  assert.doesNotMatch(html, /<img\b/i, html);
  assert.doesNotMatch(html, /<(script|iframe|style|object|embed|svg|details|span|div|b|i|u)\b/i, html);
  assert.doesNotMatch(html, /<code\b/i, html);
  assert.doesNotMatch(html, /<[^>]*\s(href|src|on\w+)=/i, html);
}

function mentionsOf(text: string, needle: string) {
  const out = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    out.push({ start: i, end: i + needle.length, text: needle });
  }
  return out;
}

const ARTICLE =
  'He signed two executive orders aimed at forcing ByteDance, the Chinese owner of TikTok, to sell the ' +
  "network's American operations quickly. On Friday, he signed a second executive order to force ByteDance to " +
  "sell TikTok's U.S. operations within 90 days.";

describe('hoverText: entity card', () => {
  const byteDance: Entity = {
    id: 'e1',
    type: 'organization',
    name: 'ByteDance',
    aliases: [],
    mentions: mentionsOf(ARTICLE, 'ByteDance'),
  };

  it('names the kind, the canonical name, the mention count and the first mention in context', () => {
    const md = entityHover(ARTICLE, byteDance);
    assert.match(md, /\*\*Organization\*\* · ByteDance/);
    assert.match(md, /2 mentions/);
    const html = render(md);
    assert.match(html, /First mention: .*forcing <strong>ByteDance<\/strong>, the Chinese owner/);
    assert.match(html, /<strong>ByteDance<\/strong>/);
    assertInert(html);
  });

  it('lists aliases', () => {
    const text = 'Donald Trump spoke. Later Trump left.';
    const e: Entity = {
      id: 'e1',
      type: 'person',
      name: 'Donald Trump',
      aliases: ['Trump'],
      mentions: [...mentionsOf(text, 'Donald Trump'), { start: 26, end: 31, text: 'Trump' }],
    };
    const md = entityHover(text, e);
    assert.match(md, /\*\*Person\*\* · Donald Trump/);
    assert.match(md, /Also called: Trump/);
    assert.match(md, /2 mentions/);
  });
});

describe('hoverText: date, quote and figure cards', () => {
  it('a relative date shows its resolved calendar date, weekday and what it was resolved against', () => {
    const text = 'San Francisco (AFP)\n\nTikTok stepped up its campaign on Monday with a new website.';
    const start = text.indexOf('Monday');
    const date: DateMention = {
      start,
      end: start + 6,
      text: 'Monday',
      kind: 'relative',
      value: '2020-08-17',
      resolvedFrom: 'reference',
    };
    const md = dateHover(date, { value: '2020-08-18', source: 'caller' });
    const html = render(md);
    assert.match(html, /2020-08-17/);
    assert.match(html, /Monday, August 17, 2020/);
    assert.match(html, /resolved against 2020-08-18/);
    assert.match(html, /the reference date you set/);
    assertInert(html);
  });

  it('describes calendar dates with their weekday and rejects partial or impossible ones', () => {
    const table: [string | null, string | null][] = [
      ['2020-08-17', 'Monday, August 17, 2020'],
      ['2020-09-15', 'Tuesday, September 15, 2020'],
      ['2020-02-30', null],
      ['XXXX-06-01', null],
      ['2020-08', null],
      ['P90D', null],
      [null, null],
    ];
    for (const [value, expected] of table) assert.equal(describeCalendarDate(value, 'en-US'), expected, String(value));
    assert.equal(describeCalendarDate('2020-09-15', 'fr'), 'mardi 15 septembre 2020');
  });

  it('describes partial values: months, dates without a year, bare weekdays', () => {
    const table: [string | null, string | null][] = [
      ['2020-08-17', 'Monday, August 17, 2020'],
      ['2020-08', 'August 2020'],
      ['XXXX-08-17', 'August 17'],
      ['XXXX-02-29', 'February 29'],
      ['XXXX-08', 'August'],
      ['XXXX-WXX-1', 'Monday'],
      ['XXXX-WXX-5', 'Friday'],
      ['2020', null],
      ['P90D', null],
      ['PRESENT_REF', null],
      [null, null],
    ];
    for (const [value, expected] of table) assert.equal(describeDateValue(value, 'en-US'), expected, String(value));
    assert.equal(describeDateValue('XXXX-WXX-1', 'fr'), 'lundi');
  });

  it('a quote card gives the speaker and how the quote was attributed', () => {
    const text = '"TikTok is not available in China," the company said.';
    const by = text.indexOf('the company');
    const q: Quote = {
      start: 1,
      end: 34,
      text: text.slice(1, 34),
      outer: { start: 0, end: 35 },
      mark: 'straight',
      scare: false,
      speaker: { name: 'TikTok', entityId: 'e1', start: by, end: by + 11, via: 'description' },
    };
    const md = quoteHover(text, q);
    const html = render(md);
    assert.match(html, /Speaker: <strong>TikTok<\/strong>/);
    assert.match(html, /by a description — attributed by “the company”/);
    assert.match(html, /<blockquote>/);
    assertInert(html.replace(/<\/?blockquote>/g, ''));
  });

  it('a figure card gives the normalized value and unit', () => {
    const f: Figure = {
      start: 0,
      end: 12,
      text: '175 millions',
      value: 175000000,
      unit: 'téléchargements',
      kind: 'count',
    };
    const html = render(figureHover(f, undefined, 'en-US'));
    assert.match(html, /175,000,000 téléchargements/);
    assert.match(html, /count/);
  });
});

describe('hoverText: hostile article text is inert', () => {
  const hostile: [string, string][] = [
    ['markdown link to a command', '[Open terminal](command:workbench.action.terminal.new)'],
    ['command URI with arguments', '[x](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D "title")'],
    ['reference-style link', '[click][1]\n\n[1]: command:workbench.action.reloadWindow'],
    ['image', '![pwn](https://evil.example/x.png)'],
    ['autolink', '<https://evil.example/>'],
    ['bare URL', 'see https://evil.example/path and www.evil.example today'],
    ['raw HTML', '<img src=x onerror=alert(1)><script>alert(1)</script><a href="command:x">x</a>'],
    ['HTML entity', '&lt;b&gt; &#60;script&#62;'],
    ['backticks', '`code` and ``more `code` here`` and ```fence```'],
    ['emphasis and heading', '# Heading\n**bold** _it_ ~~strike~~'],
    ['theme icon', '$(alert) $(zap)'],
    ['table', '| a | b |\n|---|---|\n| c | d |'],
  ];
  for (const [label, payload] of hostile) {
    it(label, () => {
      const text = `The company ${payload} said Acme Corp on Monday.`;
      const start = text.indexOf('Acme Corp');
      const e: Entity = {
        id: 'e1',
        type: 'organization',
        name: payload,
        aliases: [payload],
        mentions: [{ start, end: start + 9, text: 'Acme Corp' }],
      };
      const md = entityHover(text, e);
      assert.doesNotMatch(md, /\]\(/, 'no unescaped link syntax');
      assertInert(render(md));
      const q: Quote = {
        start: 12,
        end: 12 + payload.length,
        text: payload,
        outer: { start: 11, end: 13 + payload.length },
        mark: 'straight',
        scare: false,
        speaker: { name: payload, entityId: null, start: 12, end: 12 + payload.length, via: 'named' },
      };
      assertInert(render(quoteHover(text, q).replace(/^> /m, '')));
      const d: DateMention = {
        start,
        end: start + 9,
        text: payload,
        kind: 'date',
        value: payload,
        resolvedFrom: 'reference',
      };
      assertInert(
        render(dateHover(d, { value: payload, source: 'text', span: { start, end: start + 9, text: payload } })),
      );
    });
  }

  it('escapeMarkdown keeps the visible text and collapses line breaks', () => {
    const s = 'a [b](c) `d` <e>\n\n# f';
    const html = render(escapeMarkdown(s));
    assert.equal(
      html
        .replace(/<\/?p>|\n/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
      'a [b](c) `d` <e> # f',
    );
  });

  it('cuts long text and replaces lone surrogates', () => {
    assert.ok(escapeMarkdown('x'.repeat(1000), 50).length <= 52);
    assert.equal(escapeMarkdown('a\ud800b'), 'a\ufffdb');
    assert.equal(escapeMarkdown('😀'), '😀');
  });

  it('context snippets bold the mention and stay in bounds at the text edges', () => {
    assert.equal(contextSnippet('Trump', 0, 5), '**Trump**');
    assert.match(contextSnippet('Said Trump.', 5, 10), /^Said \*\*Trump\*\*\\\.$/);
  });
});
