import * as vscode from 'vscode';
import { createNonce } from './nonce';

/** What differs between the extension's webview views. */
export interface WebviewPage {
  /** The document title and the root region's aria-label. */
  title: string;
  /** The id of the element the script renders into. */
  rootId: string;
  /** The id of the nonce'd JSON script that holds the initial state. */
  stateId: string;
  /** The script's file name in dist/. */
  script: string;
  /** The view's stylesheet in media/, linked after the shared media/base.css. */
  stylesheet: string;
  /** The initial view model, embedded as JSON. */
  state: unknown;
}

/**
 * A webview view's HTML: strict CSP with a fresh nonce, media/base.css and the view's stylesheet and script through
 * asWebviewUri, and the initial model as JSON in a nonce'd script (escaped so article text cannot close the script
 * element). Article text never goes into markup; the browser code (src/webview/) builds the DOM with textContent.
 * Used by the side panel and the Cross-References view.
 */
export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = createNonce();
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', page.script));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // NOTE: `<`, `>`, `&` and U+2028/9 are escaped so the JSON is inert inside <script>.
  const state = JSON.stringify(page.state).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<!DOCTYPE html>
<html lang="${vscode.env.language.replace(/[^A-Za-z-]/g, '')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('base.css')}">
<link rel="stylesheet" href="${media(page.stylesheet)}">
<title>${page.title}</title>
</head>
<body>
<div id="${page.rootId}" role="region" aria-label="${page.title}"></div>
<script nonce="${nonce}" id="${page.stateId}" type="application/json">${state}</script>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
