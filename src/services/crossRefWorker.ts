/**
 * Worker-thread entry point for cross-referencing (bundled to dist/crossRefWorker.js), so that aligning the versions
 * of a story (a few hundred milliseconds for long articles) never runs on the extension host's main thread.
 * It loads only the cross-reference core (no NLP library). Jobs: CrossRefPayload in, CrossRefResult out (see
 * crossRefClient.ts, workerJobs.ts).
 */
import { crossReference } from '../core/crossRef';
import type { CrossRefPayload } from './crossRefClient';
import { serveWorker } from './workerJobs';

serveWorker((req: CrossRefPayload) => crossReference(req.docs, req.options));
