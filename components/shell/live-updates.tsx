"use client";
// The tab's one live connection, with a quiet note of its state for the operator.
import { useLiveClusterUpdates } from "@/lib/client/use-live-cluster-updates";

const LABEL = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" } as const;

export function LiveUpdates() {
  const state = useLiveClusterUpdates();
  return (
    <span
      role="status"
      data-testid="live-state"
      data-state={state}
      className="flex items-center gap-1.5 text-xs text-slate-500"
      title="Cluster changes arrive here without a reload"
    >
      <span className={`h-2 w-2 rounded-full ${state === "live" ? "bg-emerald-500" : "bg-amber-400"}`} aria-hidden />
      {LABEL[state]}
    </span>
  );
}
