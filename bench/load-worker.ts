/** Entry of the load generator's worker thread: runs one load and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runLoad, type LoadOptions } from './load.ts';

const port = parentPort;
if (port === null) throw new Error('load-worker.ts must run as a worker thread');

runLoad(workerData as LoadOptions).then(
  (result) => port.postMessage({ result }),
  (error: unknown) =>
    port.postMessage({ error: error instanceof Error ? error.stack : String(error) }),
);
