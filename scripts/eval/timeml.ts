/** Reader for TimeML / ISO-TimeML files: plain TEXT (tags removed, entities unescaped), TIMEX3 gold spans, DCT. */

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  tid: string;
}

export interface TimemlDoc {
  id: string;
  /** The DCT TIMEX3 value (e.g. `1998-09-30`, possibly with a time), or null. */
  dct: string | null;
  text: string;
  /** TIMEX3 elements inside TEXT with at least one character (empty ones are listed in `emptyTimex`). */
  timexes: Timex[];
  emptyTimex: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Unescapes XML character and entity references (unknown named entities are kept as written). */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (all, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED[body] ?? all;
  });
}

export function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]!] = unescapeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** Parses one .tml file. `id` defaults to the DOCID element. */
export function readTimeml(xml: string, id?: string): TimemlDoc {
  const docid = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim();
  let dct: string | null = null;
  const dctBlock = /<DCT>([\s\S]*?)<\/DCT>/.exec(xml)?.[1];
  if (dctBlock) {
    const tag = /<TIMEX3\b([^>]*)>/.exec(dctBlock);
    if (tag) dct = parseAttrs(tag[1]!).value ?? null;
  }
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + '<TEXT>'.length, close) : '';

  const parts: string[] = [];
  let len = 0;
  const stack: Array<{ start: number; attrs: Record<string, string> } | null> = [];
  const timexes: Timex[] = [];
  let emptyTimex = 0;
  const re = /<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->/g;
  let last = 0;
  const pushText = (raw: string): void => {
    const t = unescapeXml(raw);
    parts.push(t);
    len += t.length;
  };
  for (let m = re.exec(body); m; m = re.exec(body)) {
    pushText(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === undefined) continue; // comment
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const name = m[2];
    if (closing) {
      const top = stack.pop();
      if (top && name === 'TIMEX3') addTimex(top);
    } else if (selfClosing) {
      if (name === 'TIMEX3') emptyTimex++;
    } else {
      stack.push(name === 'TIMEX3' ? { start: len, attrs: parseAttrs(m[3]!) } : null);
    }
  }
  pushText(body.slice(last));
  const text = parts.join('');
  function addTimex(top: { start: number; attrs: Record<string, string> } | null): void {
    if (!top) return;
    if (len === top.start) {
      emptyTimex++;
      return;
    }
    timexes.push({
      start: top.start,
      end: len,
      text: '', // filled below once the text is joined
      type: top.attrs.type ?? '',
      value: top.attrs.value ?? '',
      tid: top.attrs.tid ?? '',
    });
  }
  for (const t of timexes) t.text = text.slice(t.start, t.end);
  timexes.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id: id ?? docid ?? '', dct, text, timexes, emptyTimex };
}

/** YYYY-MM-DD (or YYYY-MM, YYYY) prefix of a DCT value, as analyze() expects; null when it has none. */
export function referenceFromDct(dct: string | null): string | null {
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(dct ?? '');
  return m ? m[1]! : null;
}
