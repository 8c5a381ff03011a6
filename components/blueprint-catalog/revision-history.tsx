"use client";
// Every saved revision of a blueprint with author, time and version: pick two to compare, or
// restore an old one (admins, after a question), which saves its exact text as a new revision.
import Link from "next/link";
import { useState } from "react";
import { useHasRole } from "@/components/shell/current-user";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { ErrorPanel, FormAlert, LoadingPanel } from "@/components/ui/status-panels";
import { useRestoreRevision, useRevisions } from "@/lib/client/blueprint-hooks";
import { buttonClass } from "@/components/ui/control-classes";

export function RevisionHistory({ blueprintId, currentRevision }: { blueprintId: string; currentRevision: number }) {
  const revisions = useRevisions(blueprintId);
  const restore = useRestoreRevision(blueprintId);
  const canRestore = useHasRole("admin");
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  if (revisions.isPending) return <LoadingPanel label="Loading the revisions…" />;
  if (revisions.isError)
    return <ErrorPanel title="The revisions could not be loaded" error={revisions.error} onRetry={() => void revisions.refetch()} />;
  const items = revisions.data.items;
  const left = from ?? items[1]?.revision ?? null;
  const right = to ?? items[0]?.revision ?? null;

  return (
    <section aria-labelledby="revisions-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="revisions-heading" className="flex-1 text-lg font-semibold">
          Revisions
        </h2>
        {left !== null && right !== null && left !== right ? (
          <Link href={`/blueprints/${encodeURIComponent(blueprintId)}/compare?from=${left}&to=${right}`} className={buttonClass}>
            Compare revision {left} with {right}
          </Link>
        ) : null}
      </div>
      {restore.isError ? <FormAlert>{restore.error.message}</FormAlert> : null}
      <DataTable
        label="Revisions"
        columns={["Revision", "Version", "Saved by", "Saved", "Compare from", "Compare to", canRestore && "Actions"]}
      >
        {items.map((item) => (
          <tr key={item.revision}>
            <td className="px-4 py-3">
              {item.revision}
              {item.revision === currentRevision ? <span className="ml-2 text-xs text-slate-500">current</span> : null}
            </td>
            <td className="px-4 py-3 font-mono">{item.version}</td>
            <td className="px-4 py-3">{item.created_by ?? "—"}</td>
            <td className="px-4 py-3">
              <LocalTime iso={item.created_at} />
            </td>
            <td className="px-4 py-3">
              <input
                type="radio"
                name="compare-from"
                aria-label={`Compare from revision ${item.revision}`}
                checked={left === item.revision}
                onChange={() => setFrom(item.revision)}
              />
            </td>
            <td className="px-4 py-3">
              <input
                type="radio"
                name="compare-to"
                aria-label={`Compare to revision ${item.revision}`}
                checked={right === item.revision}
                onChange={() => setTo(item.revision)}
              />
            </td>
            {canRestore ? (
              <td className="px-4 py-3">
                {item.revision === currentRevision ? null : confirming === item.revision ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="text-slate-700">Save revision {item.revision}&apos;s text as a new revision?</span>
                    <button
                      type="button"
                      className={buttonClass}
                      disabled={restore.isPending}
                      onClick={() => restore.mutate({ revision: item.revision, currentRevision }, { onSettled: () => setConfirming(null) })}
                    >
                      {restore.isPending ? "Restoring…" : `Yes, restore ${item.revision}`}
                    </button>
                    <button type="button" className={buttonClass} onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" className={buttonClass} onClick={() => setConfirming(item.revision)}>
                    Restore
                  </button>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
