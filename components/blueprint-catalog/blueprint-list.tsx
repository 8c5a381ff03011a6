"use client";
// The blueprint catalogue: search, a tag filter (pick a row's tag), active only, pages; each row
// opens the blueprint. The filters live in the address, so a reload or Back keeps them.
import Link from "next/link";
import { useDeferredValue } from "react";
import { useBlueprints } from "@/lib/client/blueprint-hooks";
import { EmptyPanel, ErrorPanel, LoadingPanel, Tag } from "@/components/ui/status-panels";
import { Pager } from "@/components/ui/pager";
import { DataTable } from "@/components/ui/data-table";
import { ResultCount, SearchField } from "@/components/ui/list-filters";
import { pageFrom, useUrlFilters } from "@/components/ui/use-url-filters";
import { useHasRole } from "@/components/shell/current-user";

const FILTER_KEYS = ["q", "tag", "active", "page"] as const;

export function BlueprintList() {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const page = pageFrom(filters.page);
  const activeOnly = filters.active === "true";
  const query = useDeferredValue(filters.q.trim());
  const blueprints = useBlueprints({
    q: query || undefined,
    tag: filters.tag || undefined,
    active_only: activeOnly ? "true" : undefined,
    page,
  });
  const canCreate = useHasRole("admin");
  const filtered = Boolean(query || filters.tag || activeOnly);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <SearchField
          label="Search blueprints"
          value={filters.q}
          placeholder="Search by name, id or description"
          onChange={(q) => setFilters({ q, page: "" })}
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={activeOnly}
            onChange={(event) => setFilters({ active: event.target.checked ? "true" : "", page: "" })}
            className="h-4 w-4 rounded border-slate-300 accent-brand"
          />
          Active only
        </label>
        {filters.tag ? (
          <button
            type="button"
            onClick={() => setFilters({ tag: "", page: "" })}
            aria-label={`Remove the tag filter ${filters.tag}`}
            className="rounded-full bg-brand/10 px-3 py-1 text-xs font-medium text-brand hover:bg-brand/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
          >
            Tag: {filters.tag} ×
          </button>
        ) : null}
        {blueprints.data ? <ResultCount total={blueprints.data.total} one="blueprint" many="blueprints" /> : null}
        {canCreate ? (
          <Link
            href="/blueprints/new"
            className="ml-auto rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:opacity-90 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2"
          >
            New blueprint
          </Link>
        ) : null}
      </div>

      {blueprints.isPending ? (
        <LoadingPanel label="Loading blueprints…" />
      ) : blueprints.isError ? (
        <ErrorPanel title="The blueprints could not be loaded" error={blueprints.error} onRetry={() => void blueprints.refetch()} />
      ) : blueprints.data.items.length === 0 ? (
        <EmptyPanel
          title={query ? `No blueprint matches "${query}"` : filtered ? "No blueprint matches these filters" : "No blueprints yet"}
        >
          {filtered ? "Try another word, or clear the filters." : "Blueprints under blueprints/ are loaded when the console starts."}
        </EmptyPanel>
      ) : (
        <>
          <DataTable label="Blueprints" columns={["Name", "Version", "Agent definitions", "Tags"]}>
            {blueprints.data.items.map((blueprint) => (
              <tr key={blueprint.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link
                    href={`/blueprints/${encodeURIComponent(blueprint.id)}`}
                    className="font-medium text-brand hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
                  >
                    {blueprint.name}
                  </Link>
                  {blueprint.is_active ? null : <span className="ml-2 text-xs font-medium text-amber-700">inactive</span>}
                  <div className="text-xs text-slate-500">{blueprint.id}</div>
                </td>
                <td className="px-4 py-3 font-mono text-xs">{blueprint.version}</td>
                <td className="px-4 py-3">{blueprint.agent_count}</td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-1">
                    {blueprint.tags.map((tag) => (
                      <button
                        key={tag}
                        type="button"
                        onClick={() => setFilters({ tag, page: "" })}
                        title={`Show only blueprints tagged ${tag}`}
                        className="rounded-full focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
                      >
                        <Tag>{tag}</Tag>
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={page}
            pageSize={blueprints.data.page_size}
            total={blueprints.data.total}
            onPage={(next) => setFilters({ page: String(next) })}
          />
        </>
      )}
    </div>
  );
}
