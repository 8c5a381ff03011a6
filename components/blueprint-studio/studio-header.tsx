// The studio's heading row: where the blueprint sits, its name, whether the text is saved, and the
// file and save buttons. On a phone the breadcrumb and heading take the whole width above the buttons.
import Link from "next/link";
import type { ReactNode } from "react";
import { primaryButtonClass } from "@/components/ui/control-classes";

export function StudioHeader({
  blueprintId,
  title,
  saveState,
  fileActions,
  onSave,
  saveDisabled,
}: {
  blueprintId?: string;
  title: string;
  saveState: string;
  fileActions: ReactNode;
  /** Absent for roles that may not save. */
  onSave?: () => void;
  saveDisabled: boolean;
}) {
  return (
    <header className="flex flex-wrap items-center gap-3">
      <div className="min-w-0 basis-full sm:flex-1 sm:basis-auto">
        <nav aria-label="Breadcrumb" className="truncate text-sm text-slate-500">
          <Link href="/blueprints" className="hover:underline">
            Blueprints
          </Link>
          {blueprintId ? (
            <>
              {" / "}
              <Link href={`/blueprints/${encodeURIComponent(blueprintId)}`} className="hover:underline">
                {blueprintId}
              </Link>
            </>
          ) : null}{" "}
          / editor
        </nav>
        <h1 id="studio-heading" className="text-2xl font-semibold break-words">
          {title}
        </h1>
      </div>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="save-state">
        {saveState}
      </p>
      {fileActions}
      {onSave ? (
        <button type="button" onClick={onSave} disabled={saveDisabled} className={primaryButtonClass}>
          Save
        </button>
      ) : null}
    </header>
  );
}
