"use client";
// The blueprint catalogue: search, tag filter, pages; each row opens the blueprint.
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { useBlueprints } from "@/lib/client/blueprint-hooks";
import { EmptyPanel, ErrorPanel, LoadingPanel, Tag } from "@/components/ui/status-panels";
import { Pager } from "@/components/ui/pager";
import { DataTable } from "@/components/ui/data-table";
import { ResultCount, SearchField } from "@/components/ui/list-filters";
import { useHasRole } from "@/components/shell/current-user";

export function BlueprintList() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const query = useDeferredValue(search.trim());
  const blueprints = useBlueprints({ q: query || undefined, page });
  const canCreate = useHasRole("admin");

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <SearchField
          label="Search blueprints"
          value={search}
          placeholder="Search by name, id or description"
          onChange={(value) => {
            setSearch(value);
            setPage(1);
          }}
        />
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
        <EmptyPanel title={query ? `No blueprint matches "${query}"` : "No blueprints yet"}>
          {query ? "Try another word, or clear the search." : "Blueprints under blueprints/ are loaded when the console starts."}
        </EmptyPanel>
      ) : (
        <>
          <DataTable columns={["Name", "Version", "Agent definitions", "Tags"]}>
            {blueprints.data.items.map((blueprint) => (
              <tr key={blueprint.id} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link
                    href={`/blueprints/${encodeURIComponent(blueprint.id)}`}
                    className="font-medium text-brand hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
                  >
                    {blueprint.name}
                  </Link>
                  <div className="text-xs text-slate-500">{blueprint.id}</div>
                </td>
                <td className="px-4 py-3 font-mono text-xs">{blueprint.version}</td>
                <td className="px-4 py-3">{blueprint.agent_count}</td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-1">
                    {blueprint.tags.map((tag) => (
                      <Tag key={tag}>{tag}</Tag>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager page={page} pageSize={blueprints.data.page_size} total={blueprints.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
