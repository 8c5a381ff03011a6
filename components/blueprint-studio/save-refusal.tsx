// A save the studio refuses before sending, because the server would: what is wrong, and the one
// click that does what the user most likely meant.
import { buttonClass } from "@/components/ui/control-classes";

export type SaveRefusal =
  /** The text's version is not above the saved one; `raised` is the next patch version. */
  | { kind: "version"; version: string; saved: string; raised: string }
  /** The text's metadata.id names another blueprint than the one being edited. */
  | { kind: "other-id"; id: string; editing: string };

export function SaveRefusalPanel({
  refusal,
  busy,
  onRaiseVersion,
  onSaveAsNew,
}: {
  refusal: SaveRefusal;
  busy: boolean;
  onRaiseVersion: (version: string) => void;
  onSaveAsNew: () => void;
}) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="min-w-0 flex-1">
        {refusal.kind === "version"
          ? `Version ${refusal.version} is not above the saved version ${refusal.saved}, and every save needs a higher version.`
          : `This text's metadata.id is "${refusal.id}", not "${refusal.editing}": it describes another blueprint.`}
      </p>
      {refusal.kind === "version" ? (
        <button type="button" className={buttonClass} disabled={busy} onClick={() => onRaiseVersion(refusal.raised)}>
          Raise the version to {refusal.raised} and save
        </button>
      ) : (
        <button type="button" className={buttonClass} disabled={busy} onClick={onSaveAsNew}>
          Save as a new blueprint {refusal.id}
        </button>
      )}
    </div>
  );
}
