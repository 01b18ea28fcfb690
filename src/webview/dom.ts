/**
 * Browser helpers shared by the webview scripts (panel.ts, crossRefs.ts; each bundled on its own): the VS Code
 * webview API and the saved state, reading the model embedded in the page, listening for one message type, and
 * DOM builders that only ever set text with textContent. Imports nothing but types.
 */

/** What each view keeps with setState: its last model, the filter text and the collapsed sections. */
export interface SavedState<M> {
  model?: M;
  filter?: string;
  collapsed?: string[];
}

interface VsCodeApi<Out, S> {
  postMessage(msg: Out): void;
  getState(): S | undefined;
  setState(state: S): void;
}
declare function acquireVsCodeApi<Out, S>(): VsCodeApi<Out, S>;

/** The part of a ViewStore that the section and filter builders use. */
export interface StateStore {
  saved: { filter?: string; collapsed?: string[] };
  save(): void;
}

/** The view's link to the extension: posts `Out` messages and keeps SavedState across hide/show. Create one per page. */
export class ViewStore<Out, M> implements StateStore {
  // NOTE: acquireVsCodeApi may be called only once per page.
  private readonly api = acquireVsCodeApi<Out, SavedState<M>>();
  /** The saved state (mutate it, then save()). */
  saved: SavedState<M> = this.api.getState() ?? {};

  save(): void {
    this.api.setState(this.saved);
  }

  post(msg: Out): void {
    this.api.postMessage(msg);
  }
}

/** The model embedded as JSON in the element `id` (a nonce'd script), or undefined if absent or unreadable. */
export function embeddedModel<M>(id: string): M | undefined {
  const initial = document.getElementById(id);
  if (!initial?.textContent) return undefined;
  try {
    return JSON.parse(initial.textContent) as M;
  } catch {
    return undefined;
  }
}

/** Calls `handler` with each message from the extension whose `type` is `type`; ignores anything else. */
export function onMessage<In extends { type: string }, T extends In['type']>(
  type: T,
  handler: (msg: Extract<In, { type: T }>) => void,
): void {
  window.addEventListener('message', (ev: MessageEvent<In>) => {
    const msg = ev.data;
    if (!msg || typeof msg !== 'object' || msg.type !== type) return;
    handler(msg as Extract<In, { type: T }>);
  });
}

/**
 * Starts a view: saves `initial` as the model, shows it, shows (and saves) the model of each `updateType` message
 * from then on, and tells the extension the view is `ready`.
 */
export function startView<M, T extends string>(
  store: ViewStore<{ type: 'ready' }, M>,
  updateType: T,
  initial: M | undefined,
  show: (model: M | undefined) => void,
): void {
  onMessage<{ type: T; model: M }, T>(updateType, (msg) => {
    store.saved = { ...store.saved, model: msg.model };
    store.save();
    show(msg.model);
  });
  store.saved.model = initial;
  store.save();
  show(initial);
  store.post({ type: 'ready' });
}

/** A new element with an optional class and text (set with textContent, never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Makes `node` clickable and keyboard-activatable (Enter, Space). With `stopPropagation`, the click or key does not
 * reach enclosing clickable nodes.
 */
export function clickable(node: HTMLElement, onActivate: () => void, stopPropagation = false): void {
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.addEventListener('click', (ev) => {
    if (stopPropagation) ev.stopPropagation();
    onActivate();
  });
  node.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      if (stopPropagation) ev.stopPropagation();
      onActivate();
    }
  });
}

/**
 * A collapsible section: a heading button with `title` and `count`, and a body element `bodyTag` (class `rows`).
 * Whether it is collapsed is kept in the store's saved state under `id`.
 */
export function section<K extends keyof HTMLElementTagNameMap>(
  store: StateStore,
  id: string,
  title: string,
  count: number,
  bodyTag: K,
): { box: HTMLElement; body: HTMLElementTagNameMap[K] } {
  const saved = store.saved;
  const box = el('section', 'group');
  box.dataset.group = id;
  const h = el('h2', 'group-title');
  const toggle = el('button', 'twisty');
  const collapsed = saved.collapsed?.includes(id) ?? false;
  toggle.setAttribute('aria-expanded', String(!collapsed));
  toggle.append(el('span', 'label', title), el('span', 'count', String(count)));
  h.append(toggle);
  const body = el(bodyTag, 'rows');
  if (collapsed) box.classList.add('collapsed');
  toggle.addEventListener('click', () => {
    const set = new Set(store.saved.collapsed ?? []);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    store.saved.collapsed = [...set];
    store.save();
    box.classList.toggle('collapsed');
    toggle.setAttribute('aria-expanded', String(!box.classList.contains('collapsed')));
  });
  box.append(h, body);
  return { box, body };
}

/** The filter box: a search input showing the saved filter; typing saves it and calls `onChange`. */
export function filterInput(store: StateStore, label: string, onChange: () => void): HTMLInputElement {
  const input = el('input', 'filter');
  input.type = 'search';
  input.placeholder = label;
  input.setAttribute('aria-label', label);
  input.value = store.saved.filter ?? '';
  input.addEventListener('input', () => {
    store.saved.filter = input.value;
    store.save();
    onChange();
  });
  return input;
}

/** Whether any of `texts` contains `filter` (already trimmed and lower-cased); an empty filter matches all. */
export function matches(filter: string, ...texts: (string | null | undefined)[]): boolean {
  if (!filter) return true;
  return texts.some((t) => t && t.toLocaleLowerCase().includes(filter));
}
