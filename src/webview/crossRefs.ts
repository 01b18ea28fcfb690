/**
 * Browser code of the Cross-References view (bundled to dist/crossRefs.js, iife). Renders the CrossRefModel sent
 * by src/features/crossRefView.ts with textContent only, keeps the last model, the filter and collapsed sections
 * with setState, and posts `reveal` (the clicked side, and the other side to open beside) on click. Imports types
 * from shared/ and the DOM helpers of ./dom.
 */
import type {
  CrossRefEnd,
  CrossRefFromWebview,
  CrossRefModel,
  CrossRefPair,
  CrossRefSide,
  CrossRefToWebview,
  CrossRefVerdict,
} from '../shared/crossRefProtocol';
import {
  ViewStore,
  clickable as clickableNode,
  el,
  embeddedModel,
  filterInput,
  matches,
  section as sectionNode,
  startView,
} from './dom';

const store = new ViewStore<CrossRefFromWebview, CrossRefModel>();
const root = document.getElementById('article-lens-crossRefs') as HTMLElement;

let model: CrossRefModel | undefined = store.saved.model;
const embedded = embeddedModel<CrossRefModel>('article-lens-crossRefs-state');
// The embedded model may be a placeholder ("Analysing…"); prefer the saved one for the same article.
if (embedded && (!model || embedded.versions.length || embedded.focus !== model.focus)) model = embedded;

function revealSides(
  target: { uri: string; start: number; end: number },
  other?: { uri: string; start: number; end: number },
): void {
  store.post({
    type: 'reveal',
    target: { uri: target.uri, span: { start: target.start, end: target.end } },
    ...(other ? { beside: { uri: other.uri, span: { start: other.start, end: other.end } } } : {}),
  });
}

// Rows sit inside cards and table cells: a click reveals that row only.
const clickable = (node: HTMLElement, onActivate: () => void): void => clickableNode(node, onActivate, true);

const section = (id: string, title: string, count: number) => sectionNode(store, id, title, count, 'div');

/** A small real button (Tab, Enter, Space); its click and keys stop there, so the card or cell is not revealed too. */
function button(className: string, label: string, ariaLabel: string, onPress: () => void): HTMLButtonElement {
  const b = el('button', `action ${className}`, label);
  b.type = 'button';
  b.setAttribute('aria-label', ariaLabel);
  b.title = ariaLabel;
  b.addEventListener('keydown', (ev) => ev.stopPropagation());
  b.addEventListener('click', (ev) => {
    ev.stopPropagation();
    onPress();
  });
  return b;
}

/** Confirm / Reject buttons for the link between `a` and `b`; `what` (article text) only goes into attributes. */
function verdictButtons(
  m: CrossRefModel,
  kind: 'entity' | CrossRefPair['kind'],
  a: CrossRefEnd,
  b: CrossRefEnd,
  what: string,
): HTMLElement {
  const L = m.labels;
  const group = el('span', 'actions');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', what);
  const post = (verdict: 'confirmed' | 'rejected') => store.post({ type: 'linkVerdict', verdict, kind, a, b });
  group.append(
    // Symbols only: the buttons sit in narrow table cells; the aria-label and the tooltip say what they do.
    button('confirm', '✓', `${L.confirm}: ${what}`, () => post('confirmed')),
    button('reject', '✗', `${L.reject}: ${what}`, () => post('rejected')),
  );
  return group;
}

/** The badge of a link the reader confirmed or made. */
function verdictBadge(m: CrossRefModel, verdict: CrossRefVerdict): HTMLElement | undefined {
  if (!verdict) return undefined;
  return el('span', `badge verdict ${verdict}`, verdict === 'manual' ? m.labels.manual : `✓ ${m.labels.confirmed}`);
}

const endOf = (s: { uri: string; start: number; end: number }): CrossRefEnd => ({
  uri: s.uri,
  start: s.start,
  end: s.end,
});

function sideNode(side: CrossRefSide, other: CrossRefSide, className: string): HTMLElement {
  const box = el('div', `side ${className}`);
  box.dataset.uri = side.uri;
  box.append(el('span', 'file', side.title), el('span', 'text', side.text));
  box.title = side.title;
  clickable(box, () => revealSides(side, other));
  return box;
}

function pairNode(p: CrossRefPair, m: CrossRefModel): HTMLElement {
  const L = m.labels;
  const card = el('div', `pair ${p.kind}`);
  card.dataset.kind = p.kind;
  if (p.conflict) card.classList.add('conflict');
  const meta = el('div', 'meta');
  meta.append(el('span', `badge fidelity ${p.fidelity}`, L[p.fidelity]));
  if (p.conflict) meta.append(el('span', 'badge conflict', L.conflict));
  meta.append(el('span', 'score', `${L.score} ${p.score.toFixed(2)}`));
  const badge = verdictBadge(m, p.verdict);
  if (badge) meta.append(badge);
  meta.append(verdictButtons(m, p.kind, endOf(p.a), endOf(p.b), `${p.a.text.slice(0, 60)} ↔ ${p.b.text.slice(0, 60)}`));
  card.append(meta);
  if (p.speakers && (p.speakers.a || p.speakers.b)) {
    card.append(el('div', 'speakers', `${p.speakers.a ?? L.unattributed} ↔ ${p.speakers.b ?? L.unattributed}`));
  }
  card.append(sideNode(p.a, p.b, 'a'), sideNode(p.b, p.a, 'b'));
  if (p.fidelity === 'reworded' && p.differences.length) {
    const diffs = el('ul', 'diffs');
    for (const d of p.differences.slice(0, 12)) {
      const li = el('li');
      if (d.a) li.append(el('del', undefined, d.a));
      if (d.a && d.b) li.append(el('span', 'arrow', '→'));
      if (d.b) li.append(el('ins', undefined, d.b));
      diffs.append(li);
    }
    card.append(diffs);
  }
  if (p.note) card.append(el('div', 'note', p.note));
  if (p.resolvedValue) card.append(el('div', 'note', p.resolvedValue));
  return card;
}

function render(): void {
  root.replaceChildren();
  if (!model) return;
  const L = model.labels;
  const header = el('header', 'head');
  header.append(el('h1', 'title', model.title || L.title));
  if (model.status) header.append(el('p', 'status', model.status));
  root.append(header);
  if (!model.focus) {
    root.append(el('p', 'empty', model.status ? '' : L.noArticle));
    return;
  }
  if (!model.versions.length) {
    root.append(el('p', 'empty', L.noStory));
    return;
  }
  const input = filterInput(store, L.filter, () => fill());
  header.append(input);

  const body = el('div', 'body');
  root.append(body);
  const fill = (): void => {
    body.replaceChildren();
    const m = model as CrossRefModel;
    const f = (store.saved.filter ?? '').trim().toLocaleLowerCase();

    // Versions.
    const versions = section('versions', L.versions, m.versions.length);
    const vlist = el('ul', 'versions');
    for (const v of m.versions) {
      const li = el('li', v.focus ? 'version focus' : 'version');
      li.dataset.uri = v.uri;
      li.append(el('span', 'name', v.title), el('span', 'badge lang', v.language || '?'));
      if (v.focus) li.append(el('span', 'tag', L.active));
      else li.append(el('span', 'score', `${L.score} ${(v.score ?? 0).toFixed(2)}`));
      if (v.manual) li.append(el('span', 'tag', L.manual));
      if (!v.focus) clickable(li, () => revealSides({ uri: v.uri, start: 0, end: 0 }));
      vlist.append(li);
    }
    versions.body.append(vlist);
    body.append(versions.box);

    // Entities side by side.
    const rows = m.entities.filter((r) => matches(f, r.name, ...r.cells.map((c) => c?.name)));
    if (rows.length) {
      const { box, body: b } = section('entities', L.entities, rows.length);
      const table = el('table', 'entities');
      const head = el('tr');
      for (const v of m.versions) {
        const th = el('th', v.focus ? 'focus' : undefined, v.title);
        th.title = v.title;
        head.append(th);
      }
      table.append(el('thead'));
      table.tHead!.append(head);
      const tbody = el('tbody');
      for (const r of rows) {
        const tr = el('tr', 'entity');
        if (r.type) tr.dataset.kind = r.type;
        const focusCell = r.cells[0];
        // A row's pairs are confirmed or rejected against its first version that has the entity.
        const anchor = r.cells.find((x) => x?.first);
        r.cells.forEach((c, i) => {
          const td = el('td');
          if (i === 0) {
            const badge = verdictBadge(m, r.verdict);
            if (badge) td.append(badge);
          }
          if (!c) {
            td.append(el('span', 'missing', L.missing));
          } else {
            td.append(el('span', 'name', c.name), el('span', 'badge', String(c.count)));
            const first = c.first;
            if (first && anchor?.first && anchor !== c) {
              const a = { uri: anchor.uri, ...anchor.first };
              td.append(
                verdictButtons(
                  m,
                  'entity',
                  endOf(a),
                  { uri: c.uri, start: first.start, end: first.end },
                  `${anchor.name} ↔ ${c.name}`,
                ),
              );
            }
            if (first) {
              const other = c === focusCell ? r.cells.find((x, j) => j > 0 && x?.first) : focusCell;
              clickable(td, () =>
                revealSides(
                  { uri: c.uri, start: first.start, end: first.end },
                  other?.first ? { uri: other.uri, start: other.first.start, end: other.first.end } : undefined,
                ),
              );
            }
          }
          tr.append(td);
        });
        tbody.append(tr);
      }
      table.append(tbody);
      b.append(table);
      body.append(box);
    }

    const pairSection = (id: string, title: string, pairs: CrossRefPair[]) => {
      const shown = pairs.filter((p) => matches(f, p.a.text, p.b.text, p.note, p.speakers?.a, p.speakers?.b));
      if (!shown.length) return;
      const { box, body: b } = section(id, title, shown.length);
      for (const p of shown) b.append(pairNode(p, m));
      body.append(box);
    };
    const conflicts = [...m.quotes, ...m.figures, ...m.dates, ...m.passages].filter((p) => p.conflict);
    pairSection('conflicts', L.conflicts, conflicts);
    pairSection('quotes', L.quotes, m.quotes);
    pairSection('passages', L.passages, m.passages);
    pairSection('dates', L.dates, m.dates);
    pairSection('figures', L.figures, m.figures);

    const only = m.onlyIn.filter((o) => matches(f, o.name, o.title));
    if (only.length) {
      const { box, body: b } = section('onlyIn', L.onlyIn, only.length);
      for (const v of m.versions) {
        const mine = only.filter((o) => o.uri === v.uri);
        if (!mine.length) continue;
        b.append(el('h3', 'only-file', v.title));
        const ul = el('ul', 'only');
        for (const o of mine) {
          const li = el('li', `only-item ${o.kind}`);
          li.dataset.kind = o.type ?? o.kind;
          li.append(el('span', 'kind', o.kind), el('span', 'name', o.name));
          const span = o.span;
          if (span) {
            clickable(li, () => revealSides({ uri: o.uri, start: span.start, end: span.end }));
            const end = { uri: o.uri, start: span.start, end: span.end };
            li.append(
              button('link-to', L.linkTo, `${L.linkTo} ${o.name}`, () =>
                store.post({ type: 'linkTo', kind: o.kind, end }),
              ),
            );
          }
          ul.append(li);
        }
        b.append(ul);
      }
      body.append(box);
    }

    // What each version lacks, the active article's first ("Missing here").
    m.missing.forEach((v, i) => {
      const items = v.items.filter((x) => matches(f, x.name, ...x.presentIn.map((p) => p.title)));
      if (!items.length) return;
      const { box, body: b } = section(`missing-${i}`, v.heading, items.length);
      box.classList.add('missing-section');
      box.dataset.uri = v.uri;
      const ul = el('ul', 'only missing-list');
      for (const x of items) {
        const li = el('li', `only-item missing-item ${x.kind}`);
        li.dataset.kind = x.type ?? x.kind;
        li.append(
          el('span', 'kind', x.kindLabel),
          el('span', 'name', x.name),
          el('span', 'file', `${L.presentIn} ${x.presentIn.map((p) => p.title).join(', ')}`),
        );
        const where = x.where;
        if (where) {
          clickable(li, () => revealSides({ uri: where.uri, ...where.span }));
          const end = { uri: where.uri, start: where.span.start, end: where.span.end };
          li.append(
            button('link-to', L.linkTo, `${L.linkTo} ${x.name}`, () =>
              store.post({ type: 'linkTo', kind: x.kind, end }),
            ),
          );
        }
        ul.append(li);
      }
      b.append(ul);
      body.append(box);
    });
  };
  fill();
}

startView<CrossRefModel, CrossRefToWebview['type']>(store, 'crossRefs/update', model, (m) => {
  model = m;
  render();
});
