#!/usr/bin/env node
// Browser driver of the offline real-VS-Code harness (started by scripts/e2e/run.sh).
// Drives a running code-server with Debian's Chromium through playwright-core, in two page loads:
//
//  1. UI checks: what only the screen shows, in a workbench that loads the extension under
//     development (payload extensionDevelopmentPath) on the UI copy of the fixture workspace:
//     an article opened with no set-up gets highlights painted, hovering "ByteDance" shows its card,
//     the palette command "Article Lens: Show Panel" opens the panel, which lists the entities, and
//     hover cards on a hostile article render its text inert. Screenshots in --shots.
//  2. In-host suite: a workbench with payload extensionDevelopmentPath + extensionTestsPath on a
//     separate copy of the workspace; VS Code runs out/test/integration/index.js in the extension
//     host and calls window.codeAutomationExit(code) when mocha is done; per-test results come
//     from the JSON file the runner writes ($E2E_RESULTS_FILE of the server, --results here).
//
//   node driver.mjs --url http://127.0.0.1:PORT --extension DIR --tests DIR --results FILE
//                   --ws-ui DIR --ws-tests DIR|FILE.code-workspace --shots DIR --summary FILE [--only ui|tests]
//
// Writes --summary: { checks: [{name, ok, ms, detail}], inHost: {...}, passed, failed }.
// The payload is honoured only because the server runs with `--vscode-option enable-smoke-test-driver`
// (see scripts/e2e/run.sh); that flag also suppresses notification toasts.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
function arg(name, def) {
  const i = argv.indexOf('--' + name);
  return i !== -1 && i + 1 < argv.length ? argv[i + 1] : def;
}
const BASE = arg('url');
const EXTENSION = path.resolve(arg('extension', '.'));
const TESTS = arg('tests') && path.resolve(arg('tests'));
const RESULTS = arg('results') && path.resolve(arg('results'));
const WS_UI = arg('ws-ui') && path.resolve(arg('ws-ui'));
const WS_TESTS = arg('ws-tests') && path.resolve(arg('ws-tests'));
const SHOTS = path.resolve(arg('shots', '.artifacts/screenshots'));
const SUMMARY = arg('summary') && path.resolve(arg('summary'));
const ONLY = arg('only', '');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TESTS_TIMEOUT_MS = Number(process.env.E2E_TESTS_TIMEOUT_S || 600) * 1000;
const ARTICLE = '000_0891fa58e8947cdd.txt'; // the first corpus article (English AFP dispatch)
const HOSTILE = 'hostile-article.txt';
if (!BASE) {
  console.error('driver: --url is required');
  process.exit(2);
}
fs.mkdirSync(SHOTS, { recursive: true });

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const log = (...a) => console.log(`[driver ${secs()}]`, ...a);
const firstLine = (e) => String((e && e.message) || e).split('\n')[0];

const checks = [];
async function check(name, fn) {
  const s = Date.now();
  try {
    const detail = await fn();
    checks.push({ name, ok: true, ms: Date.now() - s, detail: detail || '' });
    log(`PASS ${name} (${Date.now() - s} ms)${detail ? ' - ' + detail : ''}`);
    return true;
  } catch (e) {
    checks.push({ name, ok: false, ms: Date.now() - s, detail: String((e && e.message) || e) });
    log(`FAIL ${name} (${Date.now() - s} ms) - ${firstLine(e)}`);
    return false;
  }
}
async function shot(page, name) {
  try {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  } catch (e) {
    log(`screenshot ${name} failed: ${firstLine(e)}`);
  }
}
// Wraps a step so a timeout says which step it was.
async function step(label, fn) {
  try {
    return await fn();
  } catch (e) {
    throw new Error(`[${label}] ${firstLine(e)}`, { cause: e });
  }
}
// Polls fn() until it returns a truthy value; returns the last value (or throws with it).
async function poll(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last && last.ok) return last;
    if (Date.now() > deadline)
      throw new Error(`${what}: timed out after ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// vscode-remote://<host:port the page was loaded from><absolute path>
const remoteUri = (p) => `vscode-remote://${new URL(BASE).host}${p}`;
// `where` is a folder, or a .code-workspace file (a multi-root workspace).
function workbenchUrl(where, payload) {
  const param = where.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${BASE}/?${param}=${encodeURIComponent(where)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function newPage(context, tag, pageErrors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`[${tag}] ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`[${tag}] console: ${m.text()}`);
  });
  return page;
}

// Open the command palette (F1), filter by `query`, wait for the focused row showing `rowText`, run it.
async function runFromPalette(page, query, rowText = query) {
  await step('palette-open', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10000 });
  });
  await step('palette-filter', async () => {
    await page.locator('.quick-input-widget input').fill('>' + query);
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText })
      .first()
      .waitFor({ timeout: 10000 });
  });
  await step('palette-run', async () => {
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
  });
}

// On-screen box of the first occurrence of `word` in the rendered lines of the visible editors.
// Works across token <span>s, and with the non-breaking spaces the editor renders for spaces.
async function wordBox(page, word) {
  return page.evaluate((w) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let n;
      let text = '';
      while ((n = walker.nextNode())) {
        nodes.push([n, text.length]);
        text += n.textContent;
      }
      const i = text.replace(/\u00a0/g, ' ').indexOf(w);
      if (i === -1) continue;
      const at = (off) => {
        let k = nodes.length - 1;
        while (k > 0 && nodes[k][1] > off) k--;
        return [nodes[k][0], off - nodes[k][1]];
      };
      const r = document.createRange();
      r.setStart(...at(i));
      r.setEnd(...at(i + w.length - 1));
      r.setEnd(r.endContainer, r.endOffset + 1);
      const b = r.getBoundingClientRect();
      if (b.width > 0 && b.height > 0) return { x: b.x, y: b.y, w: b.width, h: b.height };
    }
    return null;
  }, word);
}

// Quick Open (Ctrl+P) a workspace file by name, Enter, and wait for the editor to show `expectText`.
async function openWithQuickOpen(page, name, expectText) {
  await page
    .locator('.monaco-workbench .part.editor')
    .click({ position: { x: 300, y: 300 } })
    .catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: expectText }).first().waitFor({ timeout: 15000 });
}

// Number of painted TextEditorDecorationType ranges in the visible editors.
async function paintedDecorations(page) {
  return page.evaluate(() => {
    const els = [...document.querySelectorAll('.monaco-editor .view-overlays [class*="ced-"]')].filter((e) =>
      /TextEditorDecorationType/.test(e.className),
    );
    const transparent = (c) => !c || c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
    const painted = els.filter(
      (e) => !transparent(getComputedStyle(e).backgroundColor) && e.getBoundingClientRect().width > 0,
    );
    const colours = [...new Set(painted.map((e) => getComputedStyle(e).backgroundColor))];
    return { ok: painted.length > 0, count: painted.length, colours, decorated: els.length };
  });
}

// --------------------------------------------------------------------------------------------
// 1. UI checks
async function runUiChecks(context, pageErrors) {
  const page = await newPage(context, 'ui', pageErrors);
  const url = workbenchUrl(WS_UI, [
    ['extensionDevelopmentPath', remoteUri(EXTENSION)],
    ['skipWelcome', 'true'],
  ]);
  log('ui: goto', url);
  await page.goto(url);

  const ready = await check('ui: workbench loads the fixture workspace', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: ARTICLE })
      .first()
      .waitFor({ timeout: 60000 });
    return `explorer lists ${ARTICLE}`;
  });
  await shot(page, '01-workbench');
  if (!ready) return;

  // Open the article the way a user does (Quick Open), with no set-up of any kind.
  const opened = await check('ui: an article opens in the editor', async () => {
    await openWithQuickOpen(page, ARTICLE, 'ByteDance');
    return `editor shows ${ARTICLE}`;
  });
  if (!opened) {
    await shot(page, 'fail-open');
    return;
  }

  // Highlights: TextEditorDecorationType decorations with a backgroundColor are painted as
  // <div class="cdr ced-…-TextEditorDecorationType<N>-…"> in the editor's .view-overlays layer
  // (N varies per run, so match the prefix and the computed colour).
  await check('ui: highlights are painted on the article', async () => {
    const r = await poll('painted highlights', () => paintedDecorations(page), 45000);
    return `${r.count} painted ranges in ${r.colours.length} colour(s): ${r.colours.join(' ')}`;
  });
  await shot(page, '02-highlights');

  await check('ui: hovering "ByteDance" shows its card', async () => {
    const box = await step('find-word', async () => {
      const b = await wordBox(page, 'ByteDance');
      if (!b) throw new Error('"ByteDance" is not rendered in the editor');
      return b;
    });
    const hover = page.locator('.monaco-hover', { hasText: 'ByteDance' }).filter({ hasText: 'Organization' }).first();
    const cx = box.x + box.w / 2,
      cy = box.y + box.h / 2;
    let text = '';
    for (let attempt = 0; attempt < 3 && !text; attempt++) {
      await page.mouse.move(5, 5);
      await page.mouse.move(box.x + 2, cy);
      await page.mouse.move(cx, cy, { steps: 5 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 8000 });
        text = (await hover.innerText()).trim();
      } catch {
        // The card may come late while the analysis finishes; the keyboard command is the fallback.
        await page.mouse.click(cx, cy);
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        try {
          await hover.waitFor({ state: 'visible', timeout: 8000 });
          text = (await hover.innerText()).trim();
        } catch {
          /* retry */
        }
      }
    }
    if (!text) {
      const any = await page
        .locator('.monaco-hover')
        .allInnerTexts()
        .catch(() => []);
      throw new Error(`no hover with "Organization" and "ByteDance"; hovers seen: ${JSON.stringify(any)}`);
    }
    return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 160));
  });
  await shot(page, '03-hover');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);

  // The light bulb (Quick Fix, Ctrl+.) on an entity lists the reader's corrections.
  await check('ui: Quick Fix on "ByteDance" lists the corrections of an entity', async () => {
    const box = await wordBox(page, 'ByteDance');
    if (!box) throw new Error('"ByteDance" is not rendered in the editor');
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    const menu = page.locator('.action-widget', { hasText: 'is not an entity here' }).first();
    let text = '';
    for (let attempt = 0; attempt < 3 && !text; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await menu.waitFor({ state: 'visible', timeout: 8000 });
        text = (await menu.innerText()).trim();
      } catch {
        await page.keyboard.press('Escape');
      }
    }
    if (!text) throw new Error('no Quick Fix menu with "is not an entity here"');
    return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 200));
  });
  await shot(page, '03b-lightbulb');
  await page.keyboard.press('Escape');

  // The panel is a webview view (articleLens.panel): outer <iframe class="webview"> hosting an inner
  // #active-frame with the extension's HTML. Look through every frame for the panel's root.
  await check('ui: "Article Lens: Show Panel" opens the panel listing the entities', async () => {
    // Focus the article editor first so the panel shows the active article.
    const box = await wordBox(page, 'ByteDance');
    if (box) await page.mouse.click(box.x + 1, box.y + box.h / 2);
    await runFromPalette(page, 'Article Lens: Show Panel');
    const r = await poll(
      'panel entity list',
      async () => {
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() => {
              const root = document.querySelector('#article-lens-panel');
              if (!root) return null;
              const rows = [...root.querySelectorAll('li.entity')].map((li) =>
                li.textContent.replace(/\s+/g, ' ').trim(),
              );
              return { rows: rows.length, tiktok: rows.some((t) => t.includes('TikTok')), sample: rows.slice(0, 5) };
            })
            .catch(() => null);
          if (found) return { ok: found.rows > 0 && found.tiktok, ...found };
        }
        return { ok: false, panel: 'not found' };
      },
      30000,
    );
    return `${r.rows} li.entity rows incl. TikTok; first: ${JSON.stringify(r.sample)}`;
  });
  await shot(page, '04-panel');

  // Mark an entity as verified from the palette (acting at the cursor): the panel says "1 of N verified".
  await check('ui: "Correct: Mark as Verified" on "ByteDance" shows 1 of N verified in the panel', async () => {
    const box = await wordBox(page, 'ByteDance');
    if (!box) throw new Error('"ByteDance" is not rendered in the editor');
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await runFromPalette(page, 'Article Lens: Correct: Mark as Verified');
    const r = await poll(
      'verified count in the panel',
      async () => {
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() => {
              const root = document.querySelector('#article-lens-panel');
              if (!root) return null;
              const v = root.querySelector('.meta .verified');
              const marked = [...root.querySelectorAll('li.entity')]
                .filter((li) => li.querySelector('.mark.verified'))
                .map((li) => li.textContent.trim());
              return { verified: v ? v.textContent : '', marked };
            })
            .catch(() => null);
          if (found)
            return {
              ok: /^1 of \d+ verified$/.test(found.verified) && found.marked.some((t) => t.includes('ByteDance')),
              ...found,
            };
        }
        return { ok: false, panel: 'not found' };
      },
      30000,
    );
    return `${r.verified}; marked: ${JSON.stringify(r.marked)}`;
  });
  await shot(page, '04a-panel-verified');

  // A row's own button: "Mark verified" on the TikTok row posts the correction; the panel then says 2 of N verified.
  await check('ui: the "Mark verified" button of the TikTok row in the panel marks it verified', async () => {
    let clicked = false;
    for (const frame of page.frames()) {
      const row = frame.locator('#article-lens-panel li.entity', { hasText: 'TikTok' }).first();
      if (!(await row.count().catch(() => 0))) continue;
      const button = row.locator('button.action.verify');
      const label = await button.getAttribute('aria-label');
      if (!/^Mark verified TikTok/.test(label ?? '')) throw new Error(`unexpected aria-label ${JSON.stringify(label)}`);
      await button.click();
      clicked = true;
      break;
    }
    if (!clicked) throw new Error('no TikTok row with a Mark verified button in the panel');
    const r = await poll(
      'TikTok verified in the panel',
      async () => {
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() => {
              const root = document.querySelector('#article-lens-panel');
              if (!root) return null;
              const v = root.querySelector('.meta .verified');
              const row = [...root.querySelectorAll('li.entity')].find(
                (li) => li.querySelector('.name')?.textContent === 'TikTok',
              );
              return {
                verified: v ? v.textContent : '',
                marked: !!row?.querySelector('.mark.verified'),
                button: !!row?.querySelector('button.verify'),
              };
            })
            .catch(() => null);
          if (found)
            return { ok: /^2 of \d+ verified$/.test(found.verified) && found.marked && !found.button, ...found };
        }
        return { ok: false, panel: 'not found' };
      },
      30000,
    );
    return `${r.verified}; TikTok marked verified, its button gone`;
  });
  await shot(page, '04a2-panel-row-button');

  // The Cross-References view (articleLens.crossRefs): the versions of the article's story and the
  // entities side by side, once the background index has grouped the three sample articles.
  await check('ui: "Article Lens: Show Cross-References" shows the versions and entities side by side', async () => {
    const box = await wordBox(page, 'ByteDance');
    if (box) await page.mouse.click(box.x + 1, box.y + box.h / 2);
    await runFromPalette(page, 'Article Lens: Show Cross-References');
    const r = await poll(
      'cross-reference view',
      async () => {
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() => {
              const root = document.querySelector('#article-lens-crossRefs');
              if (!root) return null;
              const versions = root.querySelectorAll('li.version').length;
              const rows = [...root.querySelectorAll('tr.entity')].map((tr) =>
                tr.textContent.replace(/\s+/g, ' ').trim(),
              );
              return {
                versions,
                rows: rows.length,
                nz: rows.some((t) => t.includes('Nouvelle-Zélande') && t.includes('New Zealand')),
                sample: rows.slice(0, 3),
              };
            })
            .catch(() => null);
          if (found) return { ok: found.versions >= 3 && found.nz, ...found };
        }
        return { ok: false, view: 'not found' };
      },
      60000,
    );
    return `${r.versions} versions, ${r.rows} entity rows incl. Nouvelle-Zélande ↔ New Zealand; first: ${JSON.stringify(r.sample)}`;
  });
  await shot(page, '04b-crossrefs');

  await check(
    'ui: the Cross-References view lists what the article lacks ("Missing here (in the other versions)")',
    async () => {
      const r = await poll(
        'missing-here section',
        async () => {
          for (const frame of page.frames()) {
            const found = await frame
              .evaluate(() => {
                const root = document.querySelector('#article-lens-crossRefs');
                if (!root) return null;
                const box = root.querySelector('section[data-group="missing-0"]');
                if (!box) return { ok: false, section: 'none yet' };
                const heading = box.querySelector('.group-title .label')?.textContent ?? '';
                const items = [...box.querySelectorAll('li.missing-item')].map((li) =>
                  li.textContent.replace(/\s+/g, ' ').trim(),
                );
                return {
                  heading,
                  items: items.length,
                  walmart: items.some((t) => t.includes('Walmart')),
                  sample: items.slice(0, 3),
                };
              })
              .catch(() => null);
            if (found && 'heading' in found) {
              return {
                ok: /^(Missing here|Absent ici)/.test(found.heading) && found.items > 0 && found.walmart,
                ...found,
              };
            }
          }
          return { ok: false, view: 'not found' };
        },
        30000,
      );
      return `${JSON.stringify(r.heading)}: ${r.items} items incl. Walmart (French only); first: ${JSON.stringify(r.sample)}`;
    },
  );

  // A link's own button: Confirm on an entity row writes the verdict, and the row is badged "confirmed".
  await check('ui: the Confirm button of an entity link in Cross-References badges the row as confirmed', async () => {
    let clicked = '';
    for (const frame of page.frames()) {
      const button = frame.locator('#article-lens-crossRefs tr.entity button.action.confirm').first();
      if (await button.count().catch(() => 0)) {
        clicked = (await button.getAttribute('aria-label')) ?? '';
        await button.click();
        break;
      }
    }
    if (!/^Confirm link: .+ ↔ .+/.test(clicked))
      throw new Error(`no Confirm button with a label in the view (${JSON.stringify(clicked)})`);
    const r = await poll(
      'a confirmed badge',
      async () => {
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() => {
              const root = document.querySelector('#article-lens-crossRefs');
              if (!root) return null;
              return { badges: root.querySelectorAll('tr.entity .badge.verdict.confirmed').length };
            })
            .catch(() => null);
          if (found) return { ok: found.badges === 1, ...found };
        }
        return { ok: false, view: 'not found' };
      },
      30000,
    );
    return `${JSON.stringify(clicked)}: ${r.badges} row badged confirmed`;
  });

  await check(
    "ui: clicking another version's entity in Cross-References opens that file beside the article",
    async () => {
      let clicked = '';
      for (const frame of page.frames()) {
        const cell = frame.locator('#article-lens-crossRefs tr.entity td[role="button"]').nth(1);
        if (await cell.count().catch(() => 0)) {
          clicked = (await cell.locator('.name').innerText()).replace(/\s+/g, ' ').trim();
          // On the name: the cell also holds the link's Confirm / Reject buttons.
          await cell.locator('.name').click();
          break;
        }
      }
      if (!clicked) throw new Error('no clickable entity cell in the Cross-References view');
      const r = await poll(
        'two editor groups',
        async () => {
          const groups = await page.locator('.editor-group-container').count();
          const tabs = await page
            .locator('.tab .label-name')
            .allInnerTexts()
            .catch(() => []);
          return {
            ok: groups >= 2 && tabs.some((t) => t.includes(ARTICLE.replace(/\.txt$/, ''))) && tabs.length >= 2,
            groups,
            tabs,
          };
        },
        20000,
      );
      return `clicked ${JSON.stringify(clicked)}: ${r.groups} editor groups, tabs ${JSON.stringify(r.tabs)}`;
    },
  );
  await shot(page, '04c-crossrefs-beside');
  await page.keyboard.press('Escape');

  // A hostile article (markdown links, command: URIs, HTML and script tags, unbalanced quotes):
  // whatever hover cards appear on it must render the article text inert - no links to the
  // article's command:/external targets, no HTML elements from the article, no dialogs.
  await check('ui: hover cards on a hostile article are inert', async () => {
    const dialogs = [];
    const onDialog = (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    };
    page.on('dialog', onDialog);
    try {
      await openWithQuickOpen(page, HOSTILE, 'Acme Corp');
      await poll('highlights on the hostile article', () => paintedDecorations(page), 30000).catch(() => {});
      const seen = [];
      for (const target of ['We are not in talks', 'Jane Doe', 'Acme Corp', 'John Smith', 'London', 'March 3, 2026']) {
        await page.keyboard.press('Escape');
        await page.mouse.move(5, 5);
        const box = await wordBox(page, target);
        if (!box) continue;
        const cy = box.y + box.h / 2;
        await page.mouse.move(box.x + 2, cy);
        await page.mouse.move(box.x + Math.min(box.w / 2, 30), cy, { steps: 4 });
        const hover = page.locator('.monaco-hover .rendered-markdown').filter({ visible: true }).first();
        try {
          await hover.waitFor({ state: 'visible', timeout: 3000 });
        } catch {
          continue;
        }
        const info = await page.evaluate(() =>
          [...document.querySelectorAll('.monaco-hover')]
            .filter((h) => h.getBoundingClientRect().height > 0)
            .map((h) => ({
              text: h.innerText.replace(/\s+/g, ' ').trim(),
              elements: [
                ...h.querySelectorAll(
                  '.rendered-markdown script, .rendered-markdown img, .rendered-markdown iframe, .rendered-markdown b, .rendered-markdown object, .rendered-markdown embed',
                ),
              ].map((e) => e.tagName),
              links: [...h.querySelectorAll('a')]
                .map((a) => a.getAttribute('href') || a.getAttribute('data-href') || '')
                .filter(Boolean),
            })),
        );
        for (const h of info) seen.push({ target, ...h });
        if (seen.length >= 2) break;
      }
      await shot(page, '05-hostile-hover');
      if (!seen.length) throw new Error('no hover card appeared on any annotation of the hostile article');
      const bad = seen.filter(
        (h) =>
          h.elements.length ||
          h.links.some((l) =>
            /evil\.example|workbench\.action\.(quit|terminal)|vscode\.open|exportAnnotations|^command:x\b/.test(l),
          ),
      );
      if (bad.length) throw new Error(`live content in hover: ${JSON.stringify(bad)}`);
      if (dialogs.length) throw new Error(`dialogs opened: ${JSON.stringify(dialogs)}`);
      return `${seen.length} hover card(s) inert, e.g. ${JSON.stringify(seen[0].text.slice(0, 120))}`;
    } finally {
      page.off('dialog', onDialog);
    }
  });
  await page.close();
}

// --------------------------------------------------------------------------------------------
// 2. Integration suite inside the extension host
async function runInHostSuite(context, pageErrors) {
  const inHost = { exitCode: null, results: null, error: null };
  if (!TESTS || !RESULTS || !WS_TESTS) throw new Error('--tests, --results and --ws-tests are required');
  const page = await newPage(context, 'tests', pageErrors);
  let resolveExit;
  const exited = new Promise((r) => {
    resolveExit = r;
  });
  // Called by VS Code's browser extension service when the extension host's test runner is done.
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(code);
  });
  // The extension host's console (mocha's spec reporter, console.log of the tests) comes here.
  // Everything goes to host.log; the workbench's own chatter stays out of stdout.
  const hostLog = fs.createWriteStream(path.join(SHOTS, 'host.log'));
  const noise =
    /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Creation of workbench contribution|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|Canceled)|\/static\/out\/vs\/code\/browser\/workbench\/workbench\.js:/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(args || []));
    hostLog.write(`[${type}] ${line}\n`);
    if (!noise.test(line)) console.log(`[host ${type}] ${line}`);
  });
  try {
    fs.unlinkSync(RESULTS);
  } catch {
    /* not there */
  }
  const url = workbenchUrl(WS_TESTS, [
    ['extensionDevelopmentPath', remoteUri(EXTENSION)],
    ['extensionTestsPath', remoteUri(TESTS)],
    ['skipWelcome', 'true'],
  ]);
  log('tests: goto', url);
  await page.goto(url);
  let timer;
  const timeout = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), TESTS_TIMEOUT_MS);
  });
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (code === 'timeout') inHost.error = `codeAutomationExit not called within ${TESTS_TIMEOUT_MS / 1000} s`;
  else inHost.exitCode = code;
  log(`tests: extension host test runner finished: ${inHost.error || 'exit code ' + code}`);
  await shot(page, '06-in-host-tests');
  // The runner writes the file before resolving; give the file system a moment anyway.
  const deadline = Date.now() + 5000;
  while (!fs.existsSync(RESULTS) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (fs.existsSync(RESULTS)) {
    try {
      inHost.results = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
    } catch (e) {
      inHost.error = `bad results file: ${firstLine(e)}`;
    }
  } else if (!inHost.error) {
    inHost.error = `no results file ${RESULTS}`;
  }
  await page.close();
  hostLog.end();
  return inHost;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // nothing but loopback can even be resolved
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Abort (and report) any request that is not to loopback.
  const external = new Set();
  await context.route(
    (u) => /^(https?|wss?):$/.test(u.protocol) && !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname),
    (route) => {
      external.add(new URL(route.request().url()).origin);
      return route.abort();
    },
  );
  const pageErrors = [];

  let inHost = null;
  if (ONLY !== 'tests') {
    try {
      await runUiChecks(context, pageErrors);
    } catch (e) {
      await check('ui: checks ran to the end', async () => {
        throw e;
      });
    }
  }
  if (ONLY !== 'ui') {
    try {
      inHost = await runInHostSuite(context, pageErrors);
    } catch (e) {
      inHost = { exitCode: null, results: null, error: firstLine(e) };
    }
  }
  await browser.close();
  if (external.size) log('blocked non-loopback requests from the page:', [...external].join(', '));
  if (pageErrors.length) fs.writeFileSync(path.join(SHOTS, 'page-errors.txt'), pageErrors.join('\n') + '\n');

  // Count: every browser check + every in-host mocha test (from the results file). A runner that
  // failed without reporting a failed test (crash, timeout, missing file) counts as one failure.
  let passed = checks.filter((c) => c.ok).length;
  let failed = checks.length - passed;
  if (inHost) {
    const tests = (inHost.results && inHost.results.tests) || [];
    for (const t of tests)
      console.log(
        `   [in-host] ${t.state === 'passed' ? 'ok  ' : 'FAIL'} ${t.title}${t.err ? ' - ' + t.err.split('\n')[0] : ''}`,
      );
    const p = tests.filter((t) => t.state === 'passed').length;
    const f = tests.length - p;
    passed += p;
    failed += f;
    if (f === 0 && (inHost.exitCode !== 0 || inHost.error)) {
      failed += 1;
      console.log(
        `   [in-host] FAIL runner: ${inHost.error || 'exit code ' + inHost.exitCode}${inHost.results && inHost.results.error ? ' - ' + inHost.results.error.split('\n')[0] : ''}`,
      );
    }
  }
  const summary = { passed, failed, checks, inHost, externalBlocked: [...external], totalMs: Date.now() - t0 };
  if (SUMMARY) fs.writeFileSync(SUMMARY, JSON.stringify(summary, null, 2));
  log(`driver done: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
