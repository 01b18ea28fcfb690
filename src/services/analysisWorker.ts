/**
 * Worker-thread entry point (bundled to dist/worker.js). It is the only place the extension loads the NLP
 * libraries: the extension host spawns it on the first article, so activation stays light and typing never
 * waits for an analysis. Jobs: AnalysisPayload in, ArticleAnalysis out (see analysisClient.ts, workerJobs.ts).
 */
import { analyze } from '../core/analyze';
import type { AnalysisPayload } from './analysisClient';
import { serveWorker } from './workerJobs';

serveWorker((req: AnalysisPayload) => analyze(req.text, req.options));
