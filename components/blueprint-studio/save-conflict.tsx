"use client";
// A save refused because someone saved a newer revision meanwhile: their text beside this one,
// which stays editable, so the user merges and saves over theirs knowingly, or takes theirs.
import dynamic from "next/dynamic";
import { useState } from "react";
import { LoadingPanel } from "@/components/ui/status-panels";
import type { BlueprintDetail } from "@/lib/blueprint/api-schema";
import { buttonClass } from "@/components/ui/control-classes";

const YamlDiff = dynamic(() => import("./yaml-diff"), { ssr: false, loading: () => <LoadingPanel label="Loading the diff…" /> });

export function SaveConflict({
  theirs,
  mine,
  saving,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: BlueprintDetail;
  mine: string;
  saving: boolean;
  onKeepMine: (merged: string) => void;
  onTakeTheirs: () => void;
}) {
  const [merged, setMerged] = useState(mine);
  return (
    <section aria-labelledby="conflict-heading" role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="conflict-heading" className="font-semibold text-amber-950">
        Someone saved revision {theirs.revision} (version {theirs.version}) while you were editing
      </h2>
      <p className="text-sm text-amber-950">
        Left: their revision. Right: your text, which you can edit to merge their changes in. Saving stores the right side as the next
        revision; give it a version above {theirs.version}.
      </p>
      <div className="h-[50vh] overflow-hidden rounded-md border border-amber-200 bg-white">
        <YamlDiff
          original={theirs.blueprint_yaml ?? ""}
          modified={mine}
          editable
          onModifiedChange={setMerged}
          label={`Revision ${theirs.revision} against your text`}
          originalLabel={`Revision ${theirs.revision} YAML (read-only)`}
          modifiedLabel="Your YAML, to merge"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={saving} onClick={() => onKeepMine(merged)}>
          {saving ? "Saving…" : `Save my text over revision ${theirs.revision}`}
        </button>
        <button type="button" className={buttonClass} disabled={saving} onClick={onTakeTheirs}>
          Discard mine and load revision {theirs.revision}
        </button>
      </div>
    </section>
  );
}
