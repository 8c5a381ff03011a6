"use client";
// The blueprint studio: the YAML in Monaco beside a live preview of the hierarchy, the problems
// under the editor, and saving through the API (Ctrl/Cmd+S). Read-only below the admin role.
// Below the large breakpoint the editor, the problems and the preview stack in one column.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import semver from "semver";
import { parse } from "yaml";
import { useHasRole } from "@/components/shell/current-user";
import { FormAlert, LoadingPanel } from "@/components/ui/status-panels";
import type { Finding } from "@/lib/blueprint/finding";
import type { BlueprintDetail } from "@/lib/blueprint/api-schema";
import { setYamlVersion } from "@/lib/blueprint/set-yaml-version";
import { validateBlueprint } from "@/lib/blueprint/validate";
import { ApiError, isStaleRevision } from "@/lib/client/api-client";
import { fetchBlueprintWithYaml, useSaveBlueprint } from "@/lib/client/blueprint-hooks";
import { FileActions } from "./file-actions";
import { ProblemsPanel } from "./problems-panel";
import { SaveConflict } from "./save-conflict";
import { type SaveRefusal, SaveRefusalPanel } from "./save-refusal";
import { StudioHeader } from "./studio-header";
import { StudioPreview } from "./studio-preview";
import { SummaryStrip } from "./summary-strip";
import { useBlueprintAnalysis } from "./use-blueprint-analysis";
import { useConfirmLeaving } from "./use-confirm-leaving";
import type { YamlEditorHandle } from "./yaml-editor";

const NO_FINDINGS: Finding[] = [];

const loadYamlEditor = () => import("./yaml-editor");
// Monaco is the page's biggest download: fetch it while React hydrates, not after.
if (typeof window !== "undefined") void loadYamlEditor();
const YamlEditor = dynamic(loadYamlEditor, { ssr: false, loading: () => <LoadingPanel label="Loading the editor…" /> });

export function BlueprintStudio({
  blueprintId,
  baseRevision,
  savedVersion,
  initialText,
  title,
}: {
  blueprintId?: string;
  baseRevision?: number;
  /** The stored version of the blueprint being edited: a save must carry a higher one. */
  savedVersion?: string;
  initialText: string;
  title: string;
}) {
  const router = useRouter();
  const canEdit = useHasRole("admin");
  const [text, setText] = useState(initialText);
  const [savedText, setSavedText] = useState(blueprintId ? initialText : "");
  const [storedVersion, setStoredVersion] = useState(savedVersion);
  const [serverFindings, setServerFindings] = useState<Finding[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<SaveRefusal | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [base, setBase] = useState(baseRevision);
  const [conflict, setConflict] = useState<BlueprintDetail | null>(null);
  const [uploadedName, setUploadedName] = useState<string | null>(null);
  const editor = useRef<YamlEditorHandle | null>(null);
  const { analysis, pending, failure } = useBlueprintAnalysis(text);
  const save = useSaveBlueprint(blueprintId);
  const createCopy = useSaveBlueprint(undefined);
  const dirty = text !== savedText;
  // What an upload would replace: the text as loaded or last saved.
  const edited = text !== (blueprintId ? savedText : initialText);
  const checkedFindings = analysis?.findings ?? NO_FINDINGS;
  const findings = useMemo(
    () => (serverFindings.length > 0 ? [...checkedFindings, ...serverFindings] : checkedFindings),
    [checkedFindings, serverFindings],
  );
  const heading = uploadedName === null ? title : blueprintId ? uploadedName : `New blueprint: ${uploadedName}`;
  useConfirmLeaving(dirty);

  useEffect(() => {
    if (uploadedName === null) return;
    document.title = blueprintId ? `Edit ${uploadedName} · Blueprints · Cluster Console` : `${heading} · Cluster Console`;
  }, [blueprintId, heading, uploadedName]);

  const store = useCallback(
    (yaml: string) => {
      setSaveError(null);
      setRefusal(null);
      setServerFindings([]);
      const validation = validateBlueprint(yaml);
      const metadata = validation.blueprint?.metadata;
      if (!metadata) {
        // The problems panel lists them (for a merge too: it follows the merged text); this only says why nothing was saved.
        const count = validation.errors.length;
        setSaveError(`Nothing was saved: fix the ${count} error${count === 1 ? "" : "s"} listed under Problems first.`);
        return;
      }
      // During a conflict the text is saved over their revision, so theirs is the version to beat.
      const refusal = blueprintId ? refusalOf(metadata, blueprintId, conflict?.version ?? storedVersion) : null;
      save.mutate(
        { yaml, metadata, baseRevision: conflict?.revision ?? base },
        {
          onSuccess: (saved) => {
            setSavedText(yaml);
            setBase(saved.revision);
            setStoredVersion(saved.version);
            setConflict(null);
            setSavedAt(`Saved version ${saved.version} as revision ${saved.revision}.`);
            if (!blueprintId) router.replace(`/blueprints/${encodeURIComponent(saved.id)}/edit`);
          },
          onError: async (error) => {
            if (isStaleRevision(error) && blueprintId) {
              // Someone saved meanwhile: show what they saved beside this text instead of just failing.
              setConflict(await fetchBlueprintWithYaml(blueprintId));
              return;
            }
            // The server checks a newer revision first, then the id and the version: a refusal of
            // those two gets its fix offered in one click.
            if (refusal && error instanceof ApiError && error.status === 400) {
              setRefusal(refusal);
              return;
            }
            const placed = error instanceof ApiError ? serverFindingsOf(error) : [];
            setServerFindings(placed);
            setSaveError(describeSaveFailure(error, placed.length));
          },
        },
      );
    },
    [base, blueprintId, conflict, router, save, storedVersion],
  );

  // Saving validates the text itself, so Ctrl/Cmd+S right after a keystroke saves what is on screen.
  const onSave = useCallback(() => {
    if (!canEdit || save.isPending || conflict) return;
    store(text);
  }, [canEdit, conflict, save.isPending, store, text]);

  const raiseVersion = (version: string) => {
    const raised = setYamlVersion(text, version);
    if (raised === null) return;
    setText(raised);
    store(raised);
  };

  const saveAsNew = () => {
    const metadata = validateBlueprint(text).blueprint?.metadata;
    if (!metadata) return;
    setRefusal(null);
    createCopy.mutate(
      { yaml: text, metadata },
      {
        onSuccess: (created) => {
          // The text now lives in the new blueprint; leaving this one's editor loses nothing.
          setSavedText(text);
          router.push(`/blueprints/${encodeURIComponent(created.id)}/edit`);
        },
        onError: (error) => setSaveError(describeSaveFailure(error, 0)),
      },
    );
  };

  const upload = (uploaded: string, fileName: string) => {
    if (edited && !window.confirm(`Replace the text in the editor with ${fileName}? Your changes to it will be lost.`)) return;
    setText(uploaded);
    setUploadedName(nameIn(uploaded) ?? fileName);
  };

  return (
    <article aria-labelledby="studio-heading" className="min-w-0 space-y-4" data-analysis-ms={analysis?.ms.toFixed(1)}>
      <StudioHeader
        blueprintId={blueprintId}
        title={heading}
        saveState={
          !canEdit
            ? "Read-only: editing blueprints needs the admin role."
            : save.isPending || createCopy.isPending
              ? "Saving…"
              : dirty
                ? "Unsaved changes"
                : (savedAt ?? "All changes saved")
        }
        fileActions={
          <FileActions
            text={text}
            fileName={`${analysis?.blueprintId ?? blueprintId ?? "blueprint"}.yaml`}
            canUpload={canEdit && !conflict}
            onUpload={upload}
          />
        }
        onSave={canEdit ? onSave : undefined}
        saveDisabled={save.isPending || !dirty || conflict !== null}
      />
      {saveError ? <FormAlert>{saveError}</FormAlert> : null}
      {refusal ? (
        <SaveRefusalPanel
          refusal={refusal}
          busy={save.isPending || createCopy.isPending}
          onRaiseVersion={raiseVersion}
          onSaveAsNew={saveAsNew}
        />
      ) : null}
      {failure ? (
        <FormAlert>Live checking stopped ({failure}). Saving still validates on the server; reload the page to restart it.</FormAlert>
      ) : null}
      {conflict ? (
        <SaveConflict
          theirs={conflict}
          mine={text}
          saving={save.isPending}
          onMineChange={setText}
          onKeepMine={() => store(text)}
          onTakeTheirs={() => {
            const theirs = conflict.blueprint_yaml ?? "";
            setText(theirs);
            setSavedText(theirs);
            setBase(conflict.revision);
            setStoredVersion(conflict.version);
            setConflict(null);
            setRefusal(null);
            setSaveError(null);
          }}
        />
      ) : null}
      {analysis?.summary ? <SummaryStrip summary={analysis.summary} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-4">
          {/* Hidden, not unmounted, during a conflict: the merge's right side is then the one editor of this text. */}
          <div className={`h-[60vh] overflow-hidden rounded-lg border border-slate-200 bg-white ${conflict ? "hidden" : ""}`}>
            <YamlEditor
              value={text}
              onChange={(next) => {
                setText(next);
                if (serverFindings.length > 0) setServerFindings([]);
              }}
              findings={findings}
              readOnly={!canEdit || conflict !== null}
              onSave={onSave}
              onReady={(handle) => {
                editor.current = handle;
              }}
            />
          </div>
          <ProblemsPanel
            findings={findings}
            pending={pending}
            onSelect={(finding) => editor.current?.reveal(finding.line, finding.column)}
          />
        </div>
        <StudioPreview analysis={analysis} />
      </div>
    </article>
  );
}

/** What the server refuses about a save of `metadata` over the blueprint being edited, if anything. */
function refusalOf(metadata: { id: string; version: string }, editing: string, versionToBeat: string | undefined): SaveRefusal | null {
  if (metadata.id !== editing) return { kind: "other-id", id: metadata.id, editing };
  if (!versionToBeat || !semver.valid(versionToBeat) || semver.gt(metadata.version, versionToBeat)) return null;
  return { kind: "version", version: metadata.version, saved: versionToBeat, raised: semver.inc(versionToBeat, "patch")! };
}

/** The findings the server placed in the text, as markers and problems beside the browser's own. */
function serverFindingsOf(error: ApiError): Finding[] {
  return (error.problem.errors ?? [])
    .filter((fieldError) => fieldError.line !== undefined)
    .map((fieldError) => ({
      severity: "error",
      path: fieldError.path,
      message: fieldError.message,
      line: fieldError.line ?? 1,
      column: fieldError.column ?? 1,
    }));
}

/** Why a save failed, once and in words: findings placed in the text are listed under Problems, not repeated here. */
function describeSaveFailure(error: Error, placedFindings: number): string {
  if (placedFindings > 0)
    return `Nothing was saved: the server found ${placedFindings} problem${placedFindings === 1 ? "" : "s"}, listed under Problems.`;
  const reasons = error instanceof ApiError ? (error.problem.errors ?? []).map((fieldError) => fieldError.message) : [];
  return `Nothing was saved: ${[error.message, ...reasons].join("; ")}.`;
}

/** The uploaded blueprint's metadata.name, to title the page with. */
function nameIn(text: string): string | null {
  try {
    const name = (parse(text) as { metadata?: { name?: unknown } } | null)?.metadata?.name;
    return typeof name === "string" && name !== "" ? name : null;
  } catch {
    return null;
  }
}
