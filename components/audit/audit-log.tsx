"use client";
// The audit log, newest first: who did what to which target, filtered by actor, action, target and time.
import { type FormEvent, useState } from "react";
import { type AuditFilters, useAuditLog } from "@/lib/client/admin-hooks";
import type { AuditEntryView } from "@/lib/audit/api-schema";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { Pager } from "@/components/ui/pager";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/control-classes";
import { ResultCount } from "@/components/ui/list-filters";
import { pageFrom, useUrlFilters } from "@/components/ui/use-url-filters";

const ACTION_GROUPS = [
  { prefix: "auth.", label: "Every sign-in event (auth.)" },
  { prefix: "user.", label: "Every user change (user.)" },
  { prefix: "token.", label: "Every token change (token.)" },
  { prefix: "blueprint.", label: "Every blueprint change (blueprint.)" },
  { prefix: "cluster.", label: "Every cluster action (cluster.)" },
] as const;

const ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.lockout",
  "auth.sign_out",
  "user.setup",
  "user.create",
  "user.update",
  "token.create",
  "token.revoke",
  "blueprint.create",
  "blueprint.update",
  "cluster.create",
  "cluster.scale",
  "cluster.hibernate",
  "cluster.reactivate",
  "cluster.update",
  "cluster.delete",
  "cluster.recover",
] as const;

// The applied filters live in the address, as typed (times as the browser's local minutes).
const FILTER_KEYS = ["actor", "action", "target", "from", "to", "page"] as const;
const EMPTY_DRAFT = { actor: "", action: "", target: "", from: "", to: "" };
type Draft = typeof EMPTY_DRAFT;

export function AuditLog() {
  const [applied, setApplied] = useUrlFilters(FILTER_KEYS);
  const [draft, setDraft] = useState<Draft>(() => draftOf(applied));
  const filters = toFilters(applied);
  const audit = useAuditLog(filters);
  const filtered = Object.entries(filters).some(([key, value]) => key !== "page" && value !== undefined);
  const edit = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied({ ...draftOf(draft), page: "" });
  }

  function clear() {
    setDraft(EMPTY_DRAFT);
    setApplied({ ...EMPTY_DRAFT, page: "" });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={apply} aria-label="Filter the audit log" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <TextFilter id="audit-actor" label="Actor (email contains)" value={draft.actor} onChange={(actor) => edit({ actor })} />
          <div className="text-sm">
            <label htmlFor="audit-action" className="block font-medium text-slate-700">
              Action
            </label>
            <select
              id="audit-action"
              value={draft.action}
              onChange={(event) => edit({ action: event.target.value })}
              className={inputClass}
            >
              <option value="">Any action</option>
              <optgroup label="Groups">
                {ACTION_GROUPS.map(({ prefix, label }) => (
                  <option key={prefix} value={prefix}>
                    {label}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Single actions">
                {ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <TextFilter id="audit-target" label="Target (id or type)" value={draft.target} onChange={(target) => edit({ target })} />
          <TextFilter id="audit-from" label="From" type="datetime-local" value={draft.from} onChange={(from) => edit({ from })} />
          <TextFilter id="audit-to" label="To" type="datetime-local" value={draft.to} onChange={(to) => edit({ to })} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={primaryButtonClass}>
            Apply filters
          </button>
          <button type="button" onClick={clear} className={buttonClass}>
            Clear
          </button>
        </div>
      </form>

      {audit.data ? <ResultCount total={audit.data.total} one="entry" many="entries" /> : null}

      {audit.isPending ? (
        <LoadingPanel label="Loading the audit log…" />
      ) : audit.isError ? (
        <ErrorPanel title="The audit log could not be loaded" error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyPanel title={filtered ? "No entry matches these filters" : "The audit log is empty"}>
          {filtered ? "Widen the time range or clear the filters." : null}
        </EmptyPanel>
      ) : (
        <>
          <DataTable label="Audit log" columns={["Time", "Actor", "Action", "Target", "Summary", "IP", "Request id"]}>
            {audit.data.items.map((entry) => (
              <tr key={entry.id} className="align-top hover:bg-slate-50">
                <td className="px-4 py-3 whitespace-nowrap">
                  <LocalTime iso={entry.at} />
                </td>
                <td className="px-4 py-3">{entry.actor ?? "—"}</td>
                <td className="px-4 py-3 font-mono text-xs">{entry.action}</td>
                <td className="px-4 py-3">
                  <AuditTarget entry={entry} />
                </td>
                <td className="px-4 py-3">{entry.summary}</td>
                <td className="px-4 py-3 font-mono text-xs">{entry.ip ?? "—"}</td>
                <td className="px-4 py-3 font-mono text-xs">{entry.request_id ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={filters.page}
            pageSize={audit.data.page_size}
            total={audit.data.total}
            onPage={(page) => setApplied({ page: String(page) })}
          />
        </>
      )}
    </div>
  );
}

function draftOf(values: Draft): Draft {
  return { actor: values.actor.trim(), action: values.action, target: values.target.trim(), from: values.from, to: values.to };
}

function toFilters(applied: Draft & { page: string }): AuditFilters {
  return {
    actor: applied.actor || undefined,
    action: applied.action || undefined,
    target: applied.target || undefined,
    // datetime-local names a minute in the browser's time zone; "to" includes that whole minute.
    from: isoOf(applied.from, 0),
    to: isoOf(applied.to, 59_999),
    page: pageFrom(applied.page),
  };
}

/** The local minute as an ISO time, `plusMs` later; nothing for an empty or unreadable value. */
function isoOf(localMinute: string, plusMs: number): string | undefined {
  const time = new Date(localMinute).getTime();
  return localMinute && Number.isFinite(time) ? new Date(time + plusMs).toISOString() : undefined;
}

function TextFilter({
  id,
  label,
  value,
  onChange,
  type = "text",
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "datetime-local";
}) {
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-medium text-slate-700">
        {label}
      </label>
      <input id={id} type={type} value={value} onChange={(event) => onChange(event.target.value)} className={inputClass} />
    </div>
  );
}

/** The target by its name, its kind and id in smaller print; by its id alone once it is gone. */
function AuditTarget({ entry }: { entry: AuditEntryView }) {
  if (!entry.target_id) return <span>{entry.target_type}</span>;
  return (
    <div className="min-w-[10rem]" title={`${entry.target_type} ${entry.target_id}`}>
      <div className="font-medium text-slate-900">
        {entry.target_name ?? <span className="font-mono text-xs break-all">{entry.target_id}</span>}
      </div>
      <div className="text-xs text-slate-500">
        {entry.target_type}
        {entry.target_name ? null : " (no longer exists)"}
      </div>
    </div>
  );
}
