"use client";
// A save refused because someone saved a newer revision meanwhile: their text beside this one.
// The right side is then the only editor of the user's text (the studio hides its own editor and
// follows every change here), so the user merges and saves over theirs knowingly, or takes theirs.
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
  onMineChange,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: BlueprintDetail;
  /** The user's text when the conflict arose; from then on the right side edits it and reports each change. */
  mine: string;
  saving: boolean;
  onMineChange: (text: string) => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  // The diff editor owns the text from here on: feeding each change back as its starting text would reset it.
  const [startingText] = useState(mine);
  return (
    <section aria-labelledby="conflict-heading" role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="conflict-heading" className="font-semibold text-amber-950">
        Someone saved revision {theirs.revision} (version {theirs.version}) while you were editing
      </h2>
      <p className="text-sm text-amber-950">
        Left: their revision. Right: your text, which you can edit to merge their changes in; the problems and the preview follow it. Saving
        stores the right side as the next revision; give it a version above {theirs.version}.
      </p>
      <div className="h-[50vh] overflow-hidden rounded-md border border-amber-200 bg-white">
        <YamlDiff
          original={theirs.blueprint_yaml ?? ""}
          modified={startingText}
          editable
          onModifiedChange={onMineChange}
          label={`Revision ${theirs.revision} against your text`}
          originalLabel={`Revision ${theirs.revision} YAML (read-only)`}
          modifiedLabel="Your YAML, to merge"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={saving} onClick={onKeepMine}>
          {saving ? "Saving…" : `Save my text over revision ${theirs.revision}`}
        </button>
        <button type="button" className={buttonClass} disabled={saving} onClick={onTakeTheirs}>
          Discard mine and load revision {theirs.revision}
        </button>
      </div>
    </section>
  );
}
