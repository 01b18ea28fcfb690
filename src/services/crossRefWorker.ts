/**
 * Worker-thread entry point for cross-referencing (bundled to dist/xrefWorker.js), so that aligning the versions
 * of a story (a few hundred milliseconds for long articles) never runs on the extension host's main thread.
 * It loads only the cross-reference core (no NLP library). Messages: CrossRefRequest in, CrossRefResponse out
 * (see crossRefClient.ts).
 */
import { parentPort } from 'node:worker_threads';
import { crossReference } from '../core/crossref';
import type { CrossRefRequest, CrossRefResponse } from './crossRefClient';

const port = parentPort;
if (port) {
  port.on('message', (req: CrossRefRequest) => {
    const started = performance.now();
    let res: CrossRefResponse;
    try {
      const result = crossReference(req.docs, req.options);
      res = { id: req.id, result, ms: performance.now() - started };
    } catch (err) {
      res = { id: req.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
    port.postMessage(res);
  });
}
