/**
 * Browser code of the side panel (bundled to dist/webview.js, iife). Renders the PanelModel sent by
 * src/features/panelView.ts with textContent only, keeps the last model and the filter with setState, and
 * posts `reveal` when a row is clicked. Imports types only.
 */
import type { FromWebview, PanelModel, ToWebview } from '../shared/protocol';

interface VsCodeApi {
  postMessage(msg: FromWebview): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
interface SavedState {
  model?: PanelModel;
  filter?: string;
  collapsed?: string[];
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('article-lens-panel') as HTMLElement;

let saved: SavedState = vscode.getState() ?? {};
let model: PanelModel | undefined = saved.model;
const initial = document.getElementById('article-lens-state');
if (initial?.textContent) {
  try {
    model = JSON.parse(initial.textContent) as PanelModel;
  } catch {
    // keep the saved model
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function save(): void {
  vscode.setState(saved);
}

function reveal(start: number, end: number): void {
  if (model?.uri) vscode.postMessage({ type: 'reveal', uri: model.uri, span: { start, end } });
}

/** Makes a row clickable and keyboard-activatable. */
function clickable(li: HTMLElement, onActivate: () => void): void {
  li.tabIndex = 0;
  li.setAttribute('role', 'button');
  li.addEventListener('click', onActivate);
  li.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      onActivate();
    }
  });
}

function section(id: string, title: string, count: number): { box: HTMLElement; list: HTMLUListElement } {
  const box = el('section', 'group');
  box.dataset.group = id;
  const h = el('h2', 'group-title');
  const toggle = el('button', 'twisty');
  const collapsed = saved.collapsed?.includes(id) ?? false;
  toggle.setAttribute('aria-expanded', String(!collapsed));
  toggle.append(el('span', 'label', title), el('span', 'count', String(count)));
  h.append(toggle);
  const list = el('ul', 'rows');
  if (collapsed) box.classList.add('collapsed');
  toggle.addEventListener('click', () => {
    const set = new Set(saved.collapsed ?? []);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    saved.collapsed = [...set];
    save();
    box.classList.toggle('collapsed');
    toggle.setAttribute('aria-expanded', String(!box.classList.contains('collapsed')));
  });
  box.append(h, list);
  return { box, list };
}

function matches(filter: string, ...texts: (string | null | undefined)[]): boolean {
  if (!filter) return true;
  return texts.some((t) => t && t.toLocaleLowerCase().includes(filter));
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
  header.append(meta);
  if (model.status) header.append(el('p', 'status', model.status));
  const input = el('input', 'filter');
  input.type = 'search';
  input.placeholder = L.filter;
  input.setAttribute('aria-label', L.filter);
  input.value = saved.filter ?? '';
  header.append(input);
  root.append(header);

  const body = el('div', 'body');
  root.append(body);
  const fill = (): void => {
    body.replaceChildren();
    const m = model as PanelModel;
    const f = (saved.filter ?? '').trim().toLocaleLowerCase();
    let shown = 0;
    for (const type of ['person', 'organization', 'place'] as const) {
      const items = m.entities.filter((e) => e.type === type && matches(f, e.name, ...e.aliases));
      if (!items.length) continue;
      const { box, list } = section(type, L[type], items.length);
      for (const e of items) {
        const li = el('li', 'entity');
        li.dataset.kind = e.type;
        li.dataset.id = e.id;
        li.append(el('span', 'name', e.name), el('span', 'badge', String(e.count)));
        if (e.aliases.length) li.append(el('span', 'aliases', e.aliases.join(', ')));
        li.title = `${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}`;
        let next = 0;
        clickable(li, () => {
          const mention = e.mentions[next % e.mentions.length];
          next++;
          if (mention) reveal(mention.start, mention.end);
        });
        list.append(li);
      }
      body.append(box);
      shown += items.length;
    }
    const dates = m.dates.filter((d) => matches(f, d.text, d.value, d.label));
    if (dates.length) {
      const { box, list } = section('dates', L.dates, dates.length);
      for (const d of dates) {
        const li = el('li', 'date');
        li.dataset.kind = d.kind;
        li.append(el('span', 'name', d.text));
        if (d.value) li.append(el('span', 'value', d.label ? `${d.value} · ${d.label}` : d.value));
        clickable(li, () => reveal(d.start, d.end));
        list.append(li);
      }
      body.append(box);
      shown += dates.length;
    }
    const quotes = m.quotes.filter((q) => matches(f, q.text, q.speaker));
    if (quotes.length) {
      const { box, list } = section('quotes', L.quotes, quotes.length);
      for (const q of quotes) {
        const li = el('li', 'quote');
        li.append(el('span', 'speaker', q.speaker ?? L.unattributed), el('q', 'text', q.text));
        clickable(li, () => reveal(q.start, q.end));
        list.append(li);
      }
      body.append(box);
      shown += quotes.length;
    }
    const figures = m.figures.filter((x) => matches(f, x.text, x.unit));
    if (figures.length) {
      const { box, list } = section('figures', L.figures, figures.length);
      for (const x of figures) {
        const li = el('li', 'figure');
        li.dataset.kind = x.kind;
        li.append(el('span', 'name', x.text), el('span', 'value', `${x.value.toLocaleString()}${x.unit ? ` ${x.unit}` : ''}`));
        clickable(li, () => reveal(x.start, x.end));
        list.append(li);
      }
      body.append(box);
      shown += figures.length;
    }
    if (!shown && !m.status) body.append(el('p', 'empty', L.empty));
  };
  input.addEventListener('input', () => {
    saved.filter = input.value;
    save();
    fill();
  });
  fill();
  if (hadFocus) {
    input.focus();
    if (caret !== null) input.setSelectionRange(caret, caret);
  }
}

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const msg = ev.data;
  if (!msg || typeof msg !== 'object' || msg.type !== 'update') return;
  model = msg.model;
  saved = { ...saved, model };
  save();
  render();
});

saved.model = model;
save();
render();
vscode.postMessage({ type: 'ready' });
