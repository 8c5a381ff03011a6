"use client";
// Create a cluster: pick a blueprint (searchable), name it, optionally override type, description
// and worker limits. The server's dry run checks every change as it is typed (the same messages
// the API answers with) and shows the plan; creating shows progress and lands on the cluster.
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { SpawnPlanTree } from "@/components/blueprint-catalog/spawn-plan-tree";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/control-classes";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { FormAlert } from "@/components/ui/status-panels";
import { CLUSTER_TYPES, type ClusterType } from "@/lib/blueprint/schema";
import { ApiError } from "@/lib/client/api-client";
import { useBlueprints } from "@/lib/client/blueprint-hooks";
import { usePreviewCluster } from "@/lib/client/cluster-hooks";
import { refusalMessage, useCreateCluster } from "@/lib/client/cluster-mutations";
import type { CreateClusterRequest } from "@/lib/cluster/api-schema";
import { useBlueprintClusterSettings } from "./use-blueprint-settings";

interface Draft {
  blueprintId: string;
  name: string;
  type: ClusterType | "";
  description: string;
  min: string;
  max: string;
  target: string;
}

const EMPTY: Draft = { blueprintId: "", name: "", type: "", description: "", min: "", max: "", target: "" };

const WORKER_FIELDS = [
  { key: "min", label: "Minimum workers", field: "min_workers" },
  { key: "max", label: "Maximum workers", field: "max_workers" },
  { key: "target", label: "Workers to start", field: "target_workers" },
] as const;

/**
 * One line per problem: the server's message when it already names the field (as the blueprint
 * rules' messages do), else the field in words before it.
 */
export function describeProblem(path: string, message: string): string {
  const field = path.split(".").at(-1) ?? path;
  if (field === "" || message.includes(field)) return message;
  const label = WORKER_FIELDS.find((candidate) => candidate.field === field)?.label ?? field.replaceAll("_", " ");
  return `${label[0]!.toUpperCase()}${label.slice(1)}: ${message}`;
}

/** The create request for a draft; numbers the user left empty fall back to the blueprint's. */
export function toCreateRequest(draft: Draft): CreateClusterRequest | undefined {
  if (!draft.blueprintId || !draft.name.trim()) return undefined;
  const number = (text: string) => (text.trim() === "" ? undefined : Number(text));
  return {
    blueprint_id: draft.blueprintId,
    name: draft.name.trim(),
    type: draft.type || undefined,
    description: draft.description || undefined,
    min_workers: number(draft.min),
    max_workers: number(draft.max),
    target_workers: number(draft.target),
  };
}

export function CreateClusterDialog({
  open,
  onClose,
  initialBlueprintId,
}: {
  open: boolean;
  onClose: () => void;
  initialBlueprintId?: string;
}) {
  return (
    <ModalDialog open={open} title="Create a cluster" onClose={onClose}>
      {open ? <CreateClusterForm onClose={onClose} initialBlueprintId={initialBlueprintId} /> : null}
    </ModalDialog>
  );
}

function CreateClusterForm({ onClose, initialBlueprintId }: { onClose: () => void; initialBlueprintId?: string }) {
  const router = useRouter();
  const ids = { search: useId(), blueprints: useId() };
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, blueprintId: initialBlueprintId ?? "" });
  const [search, setSearch] = useState("");
  const blueprints = useBlueprints({ q: useDeferredValue(search.trim()) || undefined, page: 1 });
  const settings = useBlueprintClusterSettings(draft.blueprintId || undefined);
  const chosen = useRef<HTMLLabelElement>(null);
  const hasBlueprints = blueprints.data !== undefined;
  // A preselected blueprint further down the list is scrolled into view once the list is there.
  useEffect(() => {
    if (hasBlueprints) chosen.current?.scrollIntoView({ block: "nearest" });
  }, [hasBlueprints]);
  const request = useDeferredValue(toCreateRequest(draft));
  const preview = usePreviewCluster(request);
  const create = useCreateCluster();
  const set = (key: keyof Draft) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setDraft({ ...draft, [key]: event.target.value });

  const requestErrors =
    preview.error instanceof ApiError
      ? (preview.error.problem.errors ?? []).map((error) => describeProblem(error.path, error.message))
      : [];
  const problems = [
    ...new Set(
      preview.data && !preview.data.valid ? preview.data.errors.map((error) => describeProblem(error.path, error.message)) : requestErrors,
    ),
  ];
  const ready = request !== undefined && preview.data?.valid === true && !preview.isFetching && problems.length === 0;

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready || !request) return;
        create.mutate(request, { onSuccess: (cluster) => router.push(`/clusters/${encodeURIComponent(cluster.id)}`) });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Blueprint</legend>
        <label htmlFor={ids.search} className="sr-only">
          Search blueprints
        </label>
        <input
          id={ids.search}
          type="search"
          placeholder="Search blueprints"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className={inputClass}
        />
        <div
          role="radiogroup"
          aria-label="Blueprints"
          className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2"
        >
          {blueprints.data?.items.length === 0 ? <p className="text-sm text-slate-600">No blueprint matches.</p> : null}
          {blueprints.data?.items.map((blueprint) => (
            <label
              key={blueprint.id}
              ref={draft.blueprintId === blueprint.id ? chosen : undefined}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50"
            >
              <input
                type="radio"
                name="blueprint"
                value={blueprint.id}
                checked={draft.blueprintId === blueprint.id}
                disabled={!blueprint.is_active}
                onChange={set("blueprintId")}
              />
              <span className="font-medium">{blueprint.name}</span>
              <span className="text-xs text-slate-500">
                {blueprint.id} v{blueprint.version}
                {blueprint.is_active ? "" : " (deactivated)"}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Name
          <input required value={draft.name} onChange={set("name")} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          Type
          <select value={draft.type} onChange={set("type")} className={inputClass}>
            <option value="">{settings ? `${settings.type} (the blueprint's)` : "the blueprint's"}</option>
            {CLUSTER_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="block text-sm font-medium">
        Description
        <textarea rows={2} value={draft.description} onChange={set("description")} className={inputClass} />
      </label>
      <div className="grid grid-cols-3 gap-4">
        {WORKER_FIELDS.map(({ key, label, field }) => (
          <label key={key} className="block text-sm font-medium">
            {label} <span className="font-mono text-xs font-normal text-slate-500">{field}</span>
            <input
              type="number"
              min={0}
              value={draft[key]}
              onChange={set(key)}
              // Empty means the blueprint's value, so that is what the field shows.
              placeholder={settings ? `${settings[key]} (blueprint)` : undefined}
              className={inputClass}
            />
          </label>
        ))}
      </div>

      {request === undefined ? (
        <p className="text-sm text-slate-600">
          {draft.blueprintId
            ? "Name the cluster to see what it would spawn."
            : "Pick a blueprint and name the cluster to see what it would spawn."}
        </p>
      ) : problems.length > 0 ? (
        <div role="alert" aria-label="Problems with these settings" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          <ul className="list-disc pl-4">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : preview.data?.plan ? (
        <div className={preview.isFetching ? "opacity-60" : undefined}>
          <SpawnPlanTree plan={preview.data.plan} />
        </div>
      ) : preview.isError ? (
        <FormAlert>{preview.error.message}</FormAlert>
      ) : (
        <p className="text-sm text-slate-600">Checking…</p>
      )}

      {create.isError ? <FormAlert>{refusalMessage(create.error)}</FormAlert> : null}
      <div className="flex items-center justify-end gap-2">
        {create.isPending ? (
          <p role="status" className="mr-auto text-sm text-slate-600">
            Spawning {preview.data?.plan?.total_agents ?? ""} agents…
          </p>
        ) : null}
        <button type="button" className={buttonClass} onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={primaryButtonClass} disabled={!ready || create.isPending}>
          {create.isPending ? "Creating…" : "Create cluster"}
        </button>
      </div>
    </form>
  );
}
