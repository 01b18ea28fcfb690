/**
 * The one way the project builds and recognises a cancellation: an Error named `AbortError`, as `fetch` and
 * Node's own APIs throw. Used by the core (between analysis steps), the workers' clients, the services and the
 * features, which treat a cancellation as "nothing to report" and every other error as a failure to log.
 */

/** A new AbortError with `message` ("Cancelled" by default). */
export function abortError(message = 'Cancelled'): Error {
  const err = new Error(message);
  err.name = 'AbortError';
  return err;
}

/** True when `err` is a cancellation (ours, a DOMException from `AbortSignal`, or Node's), not a failure. */
export function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

/** Throws an AbortError when the caller has cancelled. */
export function throwIfAborted(signal: AbortSignal | undefined, message = 'Analysis cancelled'): void {
  if (signal?.aborted) throw abortError(message);
}
