"use client";
// An admin's catalogue controls on a blueprint's page: stop offering it for new clusters (or offer
// it again), and delete it. Each asks first, naming the blueprint and what follows; a refusal
// (clusters still use it, someone changed it meanwhile) shows in the dialog in the server's words.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonClass, dangerButtonClass, primaryButtonClass } from "@/components/ui/control-classes";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { FormAlert } from "@/components/ui/status-panels";
import type { BlueprintDetail } from "@/lib/blueprint/api-schema";
import { useDeleteBlueprint, useSetBlueprintActive } from "@/lib/client/blueprint-admin-hooks";

type Confirming = "activate" | "deactivate" | "delete" | null;

export function BlueprintAdminActions({ blueprint }: { blueprint: BlueprintDetail }) {
  const [confirming, setConfirming] = useState<Confirming>(null);
  const setActive = useSetBlueprintActive(blueprint.id);
  const remove = useDeleteBlueprint(blueprint.id);
  const router = useRouter();
  const close = () => {
    setConfirming(null);
    setActive.reset();
    remove.reset();
  };

  const toggle = () =>
    setActive.mutate(
      { active: !blueprint.is_active, currentRevision: blueprint.revision },
      {
        onSuccess: () => {
          setConfirming(null);
          toast.success(`${blueprint.name} is ${blueprint.is_active ? "deactivated" : "active again"}`);
        },
      },
    );
  const deleteNow = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.success(`Deleted ${blueprint.name}`);
        router.push("/blueprints");
      },
    });

  return (
    <>
      <button type="button" className={buttonClass} onClick={() => setConfirming(blueprint.is_active ? "deactivate" : "activate")}>
        {blueprint.is_active ? "Deactivate" : "Activate"}
      </button>
      <button type="button" className={`${buttonClass} text-red-700`} onClick={() => setConfirming("delete")}>
        Delete
      </button>

      <ModalDialog
        open={confirming === "activate" || confirming === "deactivate"}
        title={`${blueprint.is_active ? "Deactivate" : "Activate"} ${blueprint.name}?`}
        onClose={close}
      >
        <p className="text-sm text-slate-700">
          {blueprint.is_active
            ? "No new cluster can be created from it. Clusters that use it keep running and scaling as before, and you can activate it again at any time."
            : "It is offered again when operators create a cluster."}{" "}
          This is saved as revision {blueprint.revision + 1}.
        </p>
        {setActive.isError ? <FormAlert>{setActive.error.message}</FormAlert> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={close}>
            Cancel
          </button>
          <button type="button" className={primaryButtonClass} disabled={setActive.isPending} onClick={toggle}>
            {setActive.isPending ? "Saving…" : blueprint.is_active ? "Yes, deactivate" : "Yes, activate"}
          </button>
        </div>
      </ModalDialog>

      <ModalDialog open={confirming === "delete"} title={`Delete ${blueprint.name}?`} onClose={close}>
        <p className="text-sm text-slate-700">
          This removes <strong>{blueprint.name}</strong> ({blueprint.id}) with all {blueprint.revision} of its revisions. It cannot be
          undone. A blueprint that clusters still use cannot be deleted; deactivate it instead.
        </p>
        {remove.isError ? <FormAlert>{remove.error.message}</FormAlert> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={close}>
            Cancel
          </button>
          <button type="button" className={dangerButtonClass} disabled={remove.isPending} onClick={deleteNow}>
            {remove.isPending ? "Deleting…" : `Delete ${blueprint.name}`}
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
