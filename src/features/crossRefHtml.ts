import * as vscode from 'vscode';
import type { CrossRefModel } from '../shared/crossRefProtocol';
import { createNonce } from '../util/nonce';

/**
 * The Cross-References view's HTML: strict CSP with a fresh nonce, media/crossrefs.css and dist/crossRefs.js
 * through asWebviewUri, and the initial model as JSON in a nonce'd script (escaped so article text cannot close
 * the script element). Article text never goes into markup; src/webview/crossRefs.ts builds the DOM with
 * textContent. Used by crossRefView.ts.
 */
export function renderCrossRefHtml(webview: vscode.Webview, extensionUri: vscode.Uri, model: CrossRefModel): string {
  const nonce = createNonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'crossrefs.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'crossRefs.js'));
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
<title>Cross-References</title>
</head>
<body>
<div id="article-lens-xrefs" role="region" aria-label="Cross-References"></div>
<script nonce="${nonce}" id="article-lens-xrefs-state" type="application/json">${state}</script>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
