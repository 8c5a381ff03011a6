"use client";
// A blueprint: what it is, its cluster settings, its agents and the YAML it is written in; an
// admin can also deactivate or delete it here.
import Link from "next/link";
import { useBlueprint, useBlueprintCheck } from "@/lib/client/blueprint-hooks";
import { ErrorPanel, LoadingPanel, Tag } from "@/components/ui/status-panels";
import { useHasRole } from "@/components/shell/current-user";
import { RevisionHistory } from "./revision-history";
import { SpawnPlanTree } from "./spawn-plan-tree";
import { BlueprintLoadState } from "@/components/blueprint-catalog/blueprint-load-state";
import { BlueprintAdminActions } from "./blueprint-admin-actions";

export function BlueprintDetails({ id }: { id: string }) {
  const blueprint = useBlueprint(id);
  const canEdit = useHasRole("admin");
  const canOperate = useHasRole("operator");
  const check = useBlueprintCheck(blueprint.data?.blueprint_yaml);

  if (!blueprint.isSuccess) return <BlueprintLoadState id={id} query={blueprint} />;

  const data = blueprint.data;
  return (
    <article aria-labelledby="blueprint-heading" className="space-y-8">
      <header className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/blueprints" className="hover:underline">
            Blueprints
          </Link>{" "}
          / {data.id}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="blueprint-heading" className="flex-1 text-2xl font-semibold">
            {data.name}
          </h1>
          {canOperate && data.is_active ? (
            <Link
              href={`/clusters?create=${encodeURIComponent(data.id)}`}
              className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2"
            >
              Create a cluster
            </Link>
          ) : null}
          <Link
            href={`/blueprints/${encodeURIComponent(data.id)}/edit`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
          >
            {canEdit ? "Edit in the studio" : "Open in the studio"}
          </Link>
          {canEdit ? <BlueprintAdminActions blueprint={data} /> : null}
        </div>
        {data.is_active ? null : (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="blueprint-inactive">
            Inactive: no new cluster can be created from this blueprint; clusters that use it keep running.
          </p>
        )}
        {data.description ? <p className="text-slate-700">{data.description}</p> : null}
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>Version</dt>
            <dd className="font-mono text-slate-900">{data.version}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Revision</dt>
            <dd className="text-slate-900">{data.revision}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Agent definitions</dt>
            <dd className="text-slate-900">{data.agent_count}</dd>
          </div>
        </dl>
        <div className="flex flex-wrap gap-1">
          {data.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </div>
      </header>

      <section aria-labelledby="plan-heading" className="space-y-3">
        <h2 id="plan-heading" className="text-lg font-semibold">
          Spawn plan
        </h2>
        {check.isPending ? (
          <LoadingPanel label="Planning the agents…" />
        ) : check.isError ? (
          <ErrorPanel title="The spawn plan could not be computed" error={check.error} onRetry={() => void check.refetch()} />
        ) : check.data.plan ? (
          <SpawnPlanTree plan={check.data.plan} />
        ) : (
          <ErrorPanel
            title="This blueprint no longer validates"
            error={
              new Error(check.data.errors.map((finding) => `${finding.line ? `line ${finding.line}: ` : ""}${finding.message}`).join("; "))
            }
          />
        )}
      </section>

      <section aria-labelledby="yaml-heading" className="space-y-3">
        <h2 id="yaml-heading" className="text-lg font-semibold">
          YAML
        </h2>
        <pre
          aria-label="Blueprint YAML"
          tabIndex={0}
          className="max-h-[32rem] overflow-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        >
          {data.blueprint_yaml}
        </pre>
      </section>

      <RevisionHistory blueprintId={data.id} currentRevision={data.revision} />
    </article>
  );
}
