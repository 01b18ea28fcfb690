/**
 * Browser code of the side panel (bundled to dist/webview.js, iife). Renders the PanelModel sent by
 * src/features/panelView.ts with textContent only, keeps the last model and the filter with setState, and
 * posts `reveal` when a row is clicked and `correct` when one of a row's correction buttons is. Imports types from
 * shared/ and the DOM helpers of ./dom.
 */
import type { FromWebview, PanelAction, PanelModel, PanelRowTarget, ToWebview } from '../shared/protocol';
import { ViewStore, clickable, el, embeddedModel, filterInput, matches, section, startView } from './dom';

const store = new ViewStore<FromWebview, PanelModel>();
const root = document.getElementById('article-lens-panel') as HTMLElement;

let model: PanelModel | undefined = embeddedModel<PanelModel>('article-lens-state') ?? store.saved.model;

function reveal(start: number, end: number): void {
  if (model?.uri) store.post({ type: 'reveal', uri: model.uri, span: { start, end } });
}

/**
 * A row's correction buttons: real buttons (Tab reaches them, Enter and Space press them) whose clicks and keys stop
 * at the button, so that they do not also reveal the row. `name` is article text: it only goes into attributes.
 */
function actionButtons(target: PanelRowTarget, actions: PanelAction[], name: string): HTMLElement | undefined {
  if (!model?.uri || !actions.length) return undefined;
  const uri = model.uri;
  const group = el('div', 'actions');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', model.labels.actionsOf.split('{0}').join(name));
  for (const action of actions) {
    const button = el('button', `action ${action.id}`, action.label);
    button.type = 'button';
    button.dataset.action = action.id;
    button.setAttribute('aria-label', `${action.label} ${name}`);
    button.title = `${action.label} ${name}`;
    button.addEventListener('keydown', (ev) => ev.stopPropagation());
    button.addEventListener('click', (ev) => {
      ev.stopPropagation();
      store.post({ type: 'correct', uri, action: action.id, target });
    });
    group.append(button);
  }
  return group;
}

function render(): void {
  // An update can arrive while the user types in the filter box: keep its focus and caret.
  const active = document.activeElement;
  const hadFocus = active instanceof HTMLInputElement && active.classList.contains('filter');
  const caret = hadFocus ? active.selectionStart : null;
  root.replaceChildren();
  if (!model) return;
  const L = model.labels;
  if (!model.uri) {
    root.append(el('p', 'empty', L.noArticle));
    return;
  }
  const header = el('header', 'head');
  header.append(el('h1', 'title', model.title));
  const meta = el('p', 'meta');
  if (model.language) meta.append(el('span', 'lang', `${L.language}: ${model.language}`));
  if (model.referenceDate) meta.append(el('span', 'ref', `${L.referenceDate}: ${model.referenceDate}`));
  if (model.verified) meta.append(el('span', 'verified', model.verified));
  header.append(meta);
  if (model.status) header.append(el('p', 'status', model.status));
  const input = filterInput(store, L.filter, () => fill());
  header.append(input);
  root.append(header);

  const body = el('div', 'body');
  root.append(body);
  const fill = (): void => {
    body.replaceChildren();
    const m = model as PanelModel;
    const f = (store.saved.filter ?? '').trim().toLocaleLowerCase();
    let shown = 0;
    /** One collapsible list: a row per item, a click on a row reveals what it names. */
    const list = <T>(id: string, title: string, items: T[], row: (item: T) => HTMLLIElement): void => {
      if (!items.length) return;
      const { box, body: rows } = section(store, id, title, items.length, 'ul');
      for (const item of items) rows.append(row(item));
      body.append(box);
      shown += items.length;
    };
    for (const type of m.entityKinds) {
      list(
        type,
        L.kinds[type],
        m.entities.filter((e) => e.type === type && matches(f, e.name, ...e.aliases)),
        (e) => {
          const li = el('li', 'entity');
          li.dataset.kind = e.type;
          li.dataset.id = e.id;
          li.append(el('span', 'name', e.name), el('span', 'badge', String(e.count)));
          if (e.verified) li.append(el('span', 'mark verified', `✓ ${L.verifiedMark}`));
          else if (e.reader) li.append(el('span', 'mark reader', L.readerMark));
          if (e.aliases.length) li.append(el('span', 'aliases', e.aliases.join(', ')));
          li.title = `${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}`;
          const buttons = actionButtons(e.target, e.actions, e.name);
          if (buttons) li.append(buttons);
          let next = 0;
          clickable(li, () => {
            const mention = e.mentions[next % e.mentions.length];
            next++;
            if (mention) reveal(mention.start, mention.end);
          });
          return li;
        },
      );
    }
    list(
      'dates',
      L.kinds.date,
      m.dates.filter((d) => matches(f, d.text, d.value, d.label)),
      (d) => {
        const li = el('li', 'date');
        li.dataset.kind = d.kind;
        li.append(el('span', 'name', d.text));
        if (d.value) li.append(el('span', 'value', d.label ? `${d.value} · ${d.label}` : d.value));
        const buttons = actionButtons(d.target, d.actions, d.text);
        if (buttons) li.append(buttons);
        clickable(li, () => reveal(d.start, d.end));
        return li;
      },
    );
    list(
      'quotes',
      L.kinds.quote,
      m.quotes.filter((q) => matches(f, q.text, q.speaker)),
      (q) => {
        const li = el('li', 'quote');
        li.append(el('span', 'speaker', q.speaker ?? L.unattributed), el('q', 'text', q.text));
        const buttons = actionButtons(q.target, q.actions, q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text);
        if (buttons) li.append(buttons);
        clickable(li, () => reveal(q.start, q.end));
        return li;
      },
    );
    list(
      'figures',
      L.kinds.figure,
      m.figures.filter((x) => matches(f, x.text, x.unit)),
      (x) => {
        const li = el('li', 'figure');
        li.dataset.kind = x.kind;
        li.append(
          el('span', 'name', x.text),
          el('span', 'value', `${x.value.toLocaleString()}${x.unit ? ` ${x.unit}` : ''}`),
        );
        const buttons = actionButtons(x.target, x.actions, x.text);
        if (buttons) li.append(buttons);
        clickable(li, () => reveal(x.start, x.end));
        return li;
      },
    );
    if (m.orphans.length) {
      // Never filtered out: a correction that no longer applies must stay in sight until it is removed.
      const { box, body: rows } = section(store, 'orphans', L.orphaned, m.orphans.length, 'ul');
      box.classList.add('orphans');
      for (const o of m.orphans) {
        const li = el('li', 'orphan');
        li.dataset.id = o.id;
        li.append(el('span', 'name', o.exact), el('span', 'detail', `${o.action}: ${o.detail}`));
        const remove = el('button', 'remove', L.remove);
        remove.addEventListener('click', () => m.uri && store.post({ type: 'removeOrphan', uri: m.uri, id: o.id }));
        li.append(remove);
        rows.append(li);
      }
      body.append(box);
      shown += m.orphans.length;
    }
    if (!shown && !m.status) body.append(el('p', 'empty', L.empty));
  };
  fill();
  if (hadFocus) {
    input.focus();
    if (caret !== null) input.setSelectionRange(caret, caret);
  }
}

startView<PanelModel, ToWebview['type']>(store, 'update', model, (m) => {
  model = m;
  render();
});
