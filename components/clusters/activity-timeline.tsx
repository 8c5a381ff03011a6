"use client";
// The cluster's history from its events: who scaled what when, status changes, failures.
import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { Pager } from "@/components/ui/pager";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { useClusterActivity } from "@/lib/client/cluster-hooks";
import type { ClusterActivity } from "@/lib/cluster/api-schema";

const KIND_DOT: Record<string, string> = {
  created: "bg-sky-500",
  scaled: "bg-brand",
  hibernated: "bg-slate-500",
  reactivated: "bg-emerald-500",
  updated: "bg-indigo-400",
  recovered: "bg-amber-500",
  autoscaler: "bg-violet-400",
  "autoscaler-pause": "bg-amber-400",
};

/** One sentence per event, naming the change in workers and status. */
export function describeActivity(entry: ClusterActivity): string {
  const parts = [entry.reason];
  if (entry.from_workers !== null && entry.to_workers !== null && entry.from_workers !== entry.to_workers)
    parts.push(`workers ${entry.from_workers} → ${entry.to_workers}`);
  if (entry.from_status && entry.to_status && entry.from_status !== entry.to_status)
    parts.push(`${entry.from_status} → ${entry.to_status}`);
  return parts.join("; ");
}

export function ActivityTimeline({ clusterId }: { clusterId: string }) {
  const [page, setPage] = useState(1);
  const activity = useClusterActivity(clusterId, page);
  return (
    <section aria-labelledby="activity-heading" className="space-y-3">
      <h2 id="activity-heading" className="text-lg font-semibold">
        Activity
      </h2>
      {activity.data === undefined ? (
        activity.isError ? (
          <ErrorPanel title="The activity could not be loaded" error={activity.error} onRetry={() => void activity.refetch()} />
        ) : (
          <LoadingPanel label="Loading the activity…" />
        )
      ) : activity.data.items.length === 0 ? (
        <EmptyPanel title="Nothing has happened yet" />
      ) : (
        <>
          <ol aria-label="Activity" className="space-y-3 border-l border-slate-200 pl-4">
            {activity.data.items.map((entry) => (
              <li key={entry.id} className="relative text-sm" data-kind={entry.kind}>
                <span
                  className={`absolute top-1.5 -left-[21px] h-2.5 w-2.5 rounded-full ${KIND_DOT[entry.kind] ?? "bg-slate-400"}`}
                  aria-hidden
                />
                <p>
                  <span className="font-medium capitalize">{entry.kind}</span>{" "}
                  <span className="text-slate-700">{describeActivity(entry)}</span>
                </p>
                <p className="text-xs text-slate-500">
                  <LocalTime iso={entry.created_at} />
                  {entry.actor ? ` by ${entry.actor}` : ""}
                </p>
              </li>
            ))}
          </ol>
          <Pager page={page} pageSize={activity.data.page_size} total={activity.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
