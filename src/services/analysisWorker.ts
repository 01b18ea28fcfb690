/**
 * Worker-thread entry point (bundled to dist/worker.js). It is the only place the extension loads the NLP
 * libraries: the extension host spawns it on the first article, so activation stays light and typing never
 * waits for an analysis. Messages: AnalysisRequest in, AnalysisResponse out (see analysisClient.ts).
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import type { AnalysisRequest, AnalysisResponse } from './analysisClient';

const port = parentPort;
if (port) {
  port.on('message', (req: AnalysisRequest) => {
    const started = performance.now();
    let res: AnalysisResponse;
    try {
      const analysis = analyze(req.text, req.options);
      res = { id: req.id, analysis, ms: performance.now() - started };
    } catch (err) {
      res = { id: req.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
    port.postMessage(res);
  });
}
