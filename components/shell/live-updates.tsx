"use client";
// The tab's one live connection, with a quiet note of its state for the operator. On a cluster's
// page the connection follows that cluster, so its tasks' events arrive too.
import { usePathname } from "next/navigation";
import { followedClusterId, type LiveState, useLiveClusterUpdates } from "@/lib/client/use-live-cluster-updates";

const LABEL: Record<LiveState, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline" };
const TITLE: Record<LiveState, string> = {
  connecting: "Connecting to the console for live cluster changes",
  live: "Cluster changes arrive here without a reload",
  reconnecting: "The console does not answer right now; what you see may be out of date until it does",
  offline: "This browser is offline; what you see may be out of date until it is back",
};
const DOT: Record<LiveState, string> = {
  connecting: "bg-amber-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-400",
  offline: "bg-red-500",
};

export function LiveUpdates() {
  const state = useLiveClusterUpdates(followedClusterId(usePathname()));
  return (
    <span
      role="status"
      data-testid="live-state"
      data-state={state}
      className="flex items-center gap-1.5 text-xs text-slate-500"
      title={TITLE[state]}
    >
      <span className={`h-2 w-2 rounded-full ${DOT[state]}`} aria-hidden />
      {LABEL[state]}
    </span>
  );
}
