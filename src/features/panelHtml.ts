import * as vscode from 'vscode';
import type { PanelModel } from '../shared/protocol';
import { createNonce } from '../util/nonce';

/**
 * The side panel's HTML: strict CSP with a fresh nonce, stylesheet and script from dist/ and media/ through
 * asWebviewUri, and the initial model embedded as JSON in a nonce'd script (escaped so article text cannot close
 * the script element). Article text is never put into markup; the webview builds the DOM with textContent.
 */
export function renderPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, model: PanelModel): string {
  const nonce = createNonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // NOTE: `<`, `>`, `&` and U+2028/9 are escaped so the JSON is inert inside <script>.
  const state = JSON.stringify(model).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<!DOCTYPE html>
<html lang="${vscode.env.language.replace(/[^A-Za-z-]/g, '')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>Article Lens</title>
</head>
<body>
<div id="article-lens-panel" role="region" aria-label="Article Lens"></div>
<script nonce="${nonce}" id="article-lens-state" type="application/json">${state}</script>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
