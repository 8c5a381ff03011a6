// Whether the console's server answers this tab: the last API call's fate, plus the browser's own
// online flag. The live-updates indicator reads it, so an outage shows even while the event stream
// still looks open (a dead connection often raises no error for a long while).
import { useSyncExternalStore } from "react";

let lastCallFailed = false;
const listeners = new Set<() => void>();

function set(failed: boolean): void {
  if (lastCallFailed === failed) return;
  lastCallFailed = failed;
  for (const listener of listeners) listener();
}

export const reportReachable = () => set(false);
export const reportUnreachable = () => set(true);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

export type Reachability = "offline" | "unreachable" | "reachable";

function snapshot(): Reachability {
  if (!navigator.onLine) return "offline";
  return lastCallFailed ? "unreachable" : "reachable";
}

/** "offline" when the browser has no network, "unreachable" when the last API call got no answer. */
export function useReachability(): Reachability {
  return useSyncExternalStore(subscribe, snapshot, () => "reachable");
}
