"use client";
// Hibernate, reactivate (with an optional target), edit and delete. Each says why it is not
// available instead of failing, and the destructive ones ask first.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, dangerButtonClass, inputClass, primaryButtonClass } from "@/components/ui/control-classes";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { FormAlert } from "@/components/ui/status-panels";
import {
  refusalMessage,
  useDeleteCluster,
  useHibernateCluster,
  useReactivateCluster,
  useUpdateCluster,
} from "@/lib/client/cluster-mutations";
import type { ClusterView } from "@/lib/cluster/api-schema";
import { actionRefusal, type ClusterAction } from "@/lib/cluster/state-machine";

/** `unavailable`: why no action can be taken at all (the cluster is gone); every button is disabled with it. */
export function ClusterActions({ cluster, unavailable }: { cluster: ClusterView; unavailable?: string }) {
  const [dialog, setDialog] = useState<"hibernate" | "reactivate" | "edit" | "delete" | null>(null);
  const hibernate = useHibernateCluster(cluster);
  // The API's own table decides, so the buttons offer exactly what the server allows.
  const refusal = (action: ClusterAction) => unavailable ?? actionRefusal(cluster.status, action) ?? undefined;
  const close = () => setDialog(null);
  return (
    <div className="flex flex-wrap gap-2">
      {cluster.status === "hibernated" ? (
        <button
          type="button"
          className={primaryButtonClass}
          disabled={unavailable !== undefined}
          title={unavailable}
          onClick={() => setDialog("reactivate")}
        >
          Reactivate
        </button>
      ) : (
        <button
          type="button"
          className={buttonClass}
          disabled={refusal("hibernate") !== undefined || hibernate.isPending}
          title={refusal("hibernate")}
          onClick={() => setDialog("hibernate")}
        >
          Hibernate
        </button>
      )}
      <button
        type="button"
        className={buttonClass}
        disabled={refusal("update") !== undefined}
        title={refusal("update")}
        onClick={() => setDialog("edit")}
      >
        Edit
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={refusal("delete") !== undefined}
        title={refusal("delete")}
        onClick={() => setDialog("delete")}
      >
        Delete
      </button>

      <ModalDialog open={dialog === "hibernate"} title={`Hibernate "${cluster.name}"?`} onClose={close}>
        <p className="text-sm text-slate-700">
          Every worker and specialist goes to sleep; the supervisor and the leads stay. Reactivating wakes {cluster.min_workers}{" "}
          {cluster.min_workers === 1 ? "worker" : "workers"} (the minimum) unless you ask for more then (now {cluster.current_workers}).
        </p>
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className={primaryButtonClass}
            onClick={() => {
              close();
              hibernate.mutate();
            }}
          >
            Hibernate
          </button>
        </div>
      </ModalDialog>
      {dialog === "reactivate" ? <ReactivateDialog cluster={cluster} onClose={close} /> : null}
      {dialog === "edit" ? <EditDialog cluster={cluster} onClose={close} /> : null}
      {dialog === "delete" ? <DeleteDialog cluster={cluster} onClose={close} /> : null}
    </div>
  );
}

function ReactivateDialog({ cluster, onClose }: { cluster: ClusterView; onClose: () => void }) {
  const reactivate = useReactivateCluster(cluster);
  // Prefilled with what an empty request would do: the workers come back to min_workers.
  const [target, setTarget] = useState(String(cluster.min_workers));
  const value = target === "" ? undefined : Number(target);
  const invalid = value !== undefined && (!Number.isInteger(value) || value < cluster.min_workers || value > cluster.max_workers);
  return (
    <ModalDialog open title={`Reactivate "${cluster.name}"`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (invalid) return;
          onClose();
          reactivate.mutate(value);
        }}
      >
        <label className="block text-sm font-medium">
          Workers to wake
          <input
            type="number"
            min={cluster.min_workers}
            max={cluster.max_workers}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            placeholder={`${cluster.min_workers} (min_workers)`}
            className={inputClass}
            aria-invalid={invalid}
          />
        </label>
        {invalid ? (
          <FormAlert>
            Pick a whole number from {cluster.min_workers} to {cluster.max_workers}, or leave it empty for min_workers (
            {cluster.min_workers}).
          </FormAlert>
        ) : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButtonClass} disabled={invalid}>
            Reactivate
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function EditDialog({ cluster, onClose }: { cluster: ClusterView; onClose: () => void }) {
  const update = useUpdateCluster(cluster);
  const [form, setForm] = useState({
    name: cluster.name,
    description: cluster.description ?? "",
    min: String(cluster.min_workers),
    max: String(cluster.max_workers),
  });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: event.target.value }),
  });
  return (
    <ModalDialog open title={`Edit "${cluster.name}"`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const min = Number(form.min);
          const max = Number(form.max);
          if (form.name.trim() === "") return setError("The name must not be empty.");
          if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min)
            return setError("min_workers and max_workers must be whole numbers with min ≤ max.");
          // The server checks the limits against the blueprint's worker groups; it answers with the same words as the API.
          update.mutate(
            { name: form.name.trim(), description: form.description === "" ? null : form.description, min_workers: min, max_workers: max },
            { onSuccess: onClose, onError: (failure) => setError(refusalMessage(failure)) },
          );
        }}
      >
        <label className="block text-sm font-medium">
          Name
          <input required className={inputClass} {...field("name")} />
        </label>
        <label className="block text-sm font-medium">
          Description
          <textarea rows={3} className={inputClass} {...field("description")} />
        </label>
        <div className="grid grid-cols-2 gap-4">
          <label className="block text-sm font-medium">
            min_workers
            <input type="number" min={0} className={inputClass} {...field("min")} />
          </label>
          <label className="block text-sm font-medium">
            max_workers
            <input type="number" min={0} className={inputClass} {...field("max")} />
          </label>
        </div>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButtonClass} disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function DeleteDialog({ cluster, onClose }: { cluster: ClusterView; onClose: () => void }) {
  const router = useRouter();
  const remove = useDeleteCluster(cluster);
  const [typed, setTyped] = useState("");
  return (
    <ModalDialog open title={`Delete "${cluster.name}"?`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed !== cluster.name) return;
          remove.mutate(undefined, { onSuccess: () => router.push("/clusters") });
        }}
      >
        <p className="text-sm text-slate-700">Every agent is stopped and the cluster with its history is removed. This cannot be undone.</p>
        <label className="block text-sm font-medium">
          Type the cluster&apos;s name, <span className="font-mono">{cluster.name}</span>, to confirm
          <input className={inputClass} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={dangerButtonClass} disabled={typed !== cluster.name || remove.isPending}>
            {remove.isPending ? "Deleting…" : "Delete cluster"}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
