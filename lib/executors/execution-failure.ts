// How an attempt's failures become one ExecutionError (server only): the attempt's deadline, the
// console's own abort (a cancelled task, a stopped agent), and errors that the SDKs wrap around
// ours.
import { ExecutionError, type ExecutionRequest } from "./executor";

export interface AttemptDeadline {
  /** Aborted by the console (request.signal) or when the attempt's time is up. */
  readonly signal: AbortSignal;
  readonly ms: number;
  /** The error the attempt ends with once `signal` fired; undefined while it has not. */
  stoppedError(): ExecutionError | undefined;
  dispose(): void;
}

/** The attempt's time: the request's budget, capped by the executor's own timeout_s. */
export function startDeadline(request: ExecutionRequest, timeoutS: number | undefined): AttemptDeadline {
  const ms = Math.max(1, Math.min(request.timeoutMs, timeoutS === undefined ? Infinity : timeoutS * 1000));
  const timer = new AbortController();
  // A timer cleared at the end, not AbortSignal.timeout: an attempt may be given a day, and a
  // thousand short attempts a second would otherwise leave their timers behind until then.
  const handle = setTimeout(() => timer.abort(), ms);
  const signal = AbortSignal.any([request.signal, timer.signal]);
  return {
    signal,
    ms,
    stoppedError: () => {
      if (request.signal.aborted) return abortedError(request.signal, request.timeoutMs);
      return timer.signal.aborted ? new ExecutionError("timeout", `no answer within ${formatDuration(ms)}`) : undefined;
    },
    dispose: () => clearTimeout(handle),
  };
}

/** The error for an attempt the console aborted: out of time when the reason says so, else cancelled. */
export function abortedError(signal: AbortSignal, timeoutMs: number): ExecutionError {
  const reason: unknown = signal.reason;
  if (reason instanceof ExecutionError) return reason;
  if (reason instanceof Error && reason.name === "TimeoutError") {
    return new ExecutionError("timeout", `no answer within ${formatDuration(timeoutMs)}`);
  }
  return new ExecutionError("cancelled", "the attempt was stopped: its task was cancelled or its agent stopped");
}

/** An error and the errors it wraps (`cause`), outermost first. */
export function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current: unknown = error; current instanceof Error && chain.length < 8; current = current.cause) chain.push(current);
  return chain;
}

/** Our own error inside whatever an SDK wrapped around it. */
export function findExecutionError(error: unknown): ExecutionError | undefined {
  return causeChain(error).find((link): link is ExecutionError => link instanceof ExecutionError);
}

/** Waits, or rejects with the signal's reason once it fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(handle);
      reject(signal.reason);
    };
    const handle = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** An error's message, short enough to store on the attempt. */
export function shortMessage(error: unknown, limit = 300): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
