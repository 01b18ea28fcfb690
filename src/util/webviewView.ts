import * as vscode from 'vscode';

/** Handlers by inbound message `type`; a message of any other type is ignored. A failure is logged. */
export type MessageHandlers<In extends { type: string }> = {
  [K in In['type']]?: (msg: Extract<In, { type: K }>) => void | Promise<unknown>;
};

/** A WebviewViewProvider plus the view it resolved (undefined before that and after the view is disposed). */
export interface WebviewViewHost {
  readonly provider: vscode.WebviewViewProvider;
  readonly view: vscode.WebviewView | undefined;
  /**
   * Handles one inbound message exactly as if the webview had posted it (the same checks and handlers); resolves
   * when its handler is done. The view's own messages come through here; the integration tests call it directly.
   */
  receive(msg: unknown): Promise<void>;
}

/**
 * The boilerplate shared by the extension's webview views: scripts enabled, local resources limited to media/ and
 * dist/, the HTML set on resolve, inbound messages dispatched by `type` (anything unknown is ignored, a handler's
 * failure is logged), a callback
 * when the view is shown or hidden, and the per-view listeners disposed with the view. Each view keeps its own
 * model, HTML page and message handling. Used by src/features/panelView.ts and src/features/crossRefView.ts.
 */
export function createWebviewViewHost<In extends { type: string }>(opts: {
  extensionUri: vscode.Uri;
  /** Names the view in the log ("Panel", "Cross-References"). */
  name: string;
  log: vscode.LogOutputChannel;
  /** The HTML of a freshly resolved view. */
  html: (webview: vscode.Webview) => string;
  /** Inbound message handlers. */
  on: MessageHandlers<In>;
  /** Called when the view becomes visible or hidden. */
  onDidChangeVisibility: () => void;
}): WebviewViewHost {
  let view: vscode.WebviewView | undefined;
  const receive = async (raw: unknown): Promise<void> => {
    const msg = raw as In;
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string' || !Object.hasOwn(opts.on, msg.type)) return;
    const handler = opts.on[msg.type as In['type']] as ((m: In) => void | Promise<unknown>) | undefined;
    if (!handler) return;
    try {
      await handler(msg);
    } catch (err) {
      opts.log.error(`${opts.name}: the "${msg.type}" message failed`, err);
    }
  };
  const provider: vscode.WebviewViewProvider = {
    resolveWebviewView(webviewView) {
      view = webviewView;
      const viewDisposables: vscode.Disposable[] = [];
      webviewView.webview.options = {
        enableScripts: true,
        localResourceRoots: [
          vscode.Uri.joinPath(opts.extensionUri, 'media'),
          vscode.Uri.joinPath(opts.extensionUri, 'dist'),
        ],
      };
      webviewView.webview.html = opts.html(webviewView.webview);
      viewDisposables.push(
        webviewView.webview.onDidReceiveMessage((msg: unknown) => void receive(msg)),
        webviewView.onDidChangeVisibility(() => opts.onDidChangeVisibility()),
      );
      webviewView.onDidDispose(() => {
        for (const d of viewDisposables.splice(0)) d.dispose();
        if (view === webviewView) view = undefined;
      });
    },
  };
  return {
    provider,
    receive,
    get view() {
      return view;
    },
  };
}
