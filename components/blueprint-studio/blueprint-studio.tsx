"use client";
// The blueprint studio: the YAML in Monaco beside a live preview of the hierarchy, the problems
// under the editor, and saving through the API (Ctrl/Cmd+S). Read-only below the admin role.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useHasRole } from "@/components/shell/current-user";
import { FormAlert, LoadingPanel } from "@/components/ui/status-panels";
import type { Finding } from "@/lib/blueprint/finding";
import type { BlueprintDetail } from "@/lib/blueprint/api-schema";
import { validateBlueprint } from "@/lib/blueprint/validate";
import { ApiError, isStaleRevision } from "@/lib/client/api-client";
import { fetchBlueprintWithYaml, useSaveBlueprint } from "@/lib/client/blueprint-hooks";
import { DefinitionGraphView } from "./definition-graph-view";
import { FileActions } from "./file-actions";
import { ProblemsPanel } from "./problems-panel";
import { SaveConflict } from "./save-conflict";
import { SummaryStrip } from "./summary-strip";
import { useBlueprintAnalysis } from "./use-blueprint-analysis";
import type { YamlEditorHandle } from "./yaml-editor";

const NO_FINDINGS: Finding[] = [];

const loadYamlEditor = () => import("./yaml-editor");
// Monaco is the page's biggest download: fetch it while React hydrates, not after.
if (typeof window !== "undefined") void loadYamlEditor();
const YamlEditor = dynamic(loadYamlEditor, { ssr: false, loading: () => <LoadingPanel label="Loading the editor…" /> });

export function BlueprintStudio({
  blueprintId,
  baseRevision,
  initialText,
  title,
}: {
  blueprintId?: string;
  baseRevision?: number;
  initialText: string;
  title: string;
}) {
  const router = useRouter();
  const canEdit = useHasRole("admin");
  const [text, setText] = useState(initialText);
  const [savedText, setSavedText] = useState(blueprintId ? initialText : "");
  const [serverFindings, setServerFindings] = useState<Finding[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [base, setBase] = useState(baseRevision);
  const [conflict, setConflict] = useState<BlueprintDetail | null>(null);
  const editor = useRef<YamlEditorHandle | null>(null);
  const { analysis, pending, failure } = useBlueprintAnalysis(text);
  const save = useSaveBlueprint(blueprintId);
  const dirty = text !== savedText;
  const checkedFindings = analysis?.findings ?? NO_FINDINGS;
  const findings = useMemo(
    () => (serverFindings.length > 0 ? [...checkedFindings, ...serverFindings] : checkedFindings),
    [checkedFindings, serverFindings],
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    // Links inside the console navigate without unloading the page, so they are asked separately.
    const confirmLeaving = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("download") !== null || link.getAttribute("target") === "_blank") return;
      if (!window.confirm("Leave the editor? Your unsaved changes will be lost.")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", confirmLeaving, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", confirmLeaving, true);
    };
  }, [dirty]);

  const store = useCallback(
    (yaml: string, baseRevision: number | undefined) => {
      setSaveError(null);
      setServerFindings([]);
      const validation = validateBlueprint(yaml);
      const metadata = validation.blueprint?.metadata;
      if (!metadata) {
        // Named here too: a merged text's errors are not the ones the problems panel shows.
        const errors = validation.errors.slice(0, 3).map((finding) => `line ${finding.line}: ${finding.message}`);
        setSaveError(`Fix these errors before saving: ${errors.join("; ")}${validation.errors.length > 3 ? "; …" : ""}`);
        return;
      }
      save.mutate(
        { yaml, metadata, baseRevision },
        {
          onSuccess: (saved) => {
            setSavedText(yaml);
            setBase(saved.revision);
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
            setSaveError(error.message);
            if (error instanceof ApiError) setServerFindings(serverFindingsOf(error));
          },
        },
      );
    },
    [blueprintId, router, save],
  );

  // Saving validates the text itself, so Ctrl/Cmd+S right after a keystroke saves what is on screen.
  const onSave = useCallback(() => {
    if (!canEdit || save.isPending || conflict) return;
    store(text, base);
  }, [base, canEdit, conflict, save.isPending, store, text]);

  return (
    <article aria-labelledby="studio-heading" className="space-y-4" data-analysis-ms={analysis?.ms.toFixed(1)}>
      <header className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
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
          <h1 id="studio-heading" className="text-2xl font-semibold">
            {title}
          </h1>
        </div>
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="save-state">
          {!canEdit
            ? "Read-only: editing blueprints needs the admin role."
            : save.isPending
              ? "Saving…"
              : dirty
                ? "Unsaved changes"
                : (savedAt ?? "All changes saved")}
        </p>
        <FileActions
          text={text}
          fileName={`${analysis?.blueprintId ?? blueprintId ?? "blueprint"}.yaml`}
          canUpload={canEdit}
          onUpload={setText}
        />
        {canEdit ? (
          <button
            type="button"
            onClick={onSave}
            disabled={save.isPending || !dirty}
            className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:opacity-90 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2 disabled:opacity-50"
          >
            Save
          </button>
        ) : null}
      </header>
      {saveError ? <FormAlert>{saveError}</FormAlert> : null}
      {failure ? (
        <FormAlert>Live checking stopped ({failure}). Saving still validates on the server; reload the page to restart it.</FormAlert>
      ) : null}
      {conflict ? (
        <SaveConflict
          theirs={conflict}
          mine={text}
          saving={save.isPending}
          onKeepMine={(merged) => {
            setText(merged);
            store(merged, conflict.revision);
          }}
          onTakeTheirs={() => {
            const theirs = conflict.blueprint_yaml ?? "";
            setText(theirs);
            setSavedText(theirs);
            setBase(conflict.revision);
            setConflict(null);
          }}
        />
      ) : null}
      {analysis?.summary ? <SummaryStrip summary={analysis.summary} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <div className="h-[60vh] overflow-hidden rounded-lg border border-slate-200 bg-white">
            <YamlEditor
              value={text}
              onChange={(next) => {
                setText(next);
                if (serverFindings.length > 0) setServerFindings([]);
              }}
              findings={findings}
              readOnly={!canEdit}
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
        <section aria-labelledby="preview-heading" className="flex h-[60vh] flex-col rounded-lg border border-slate-200 bg-white">
          <h2 id="preview-heading" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold">
            Hierarchy preview
          </h2>
          <div className="min-h-0 flex-1">
            {analysis ? (
              <DefinitionGraphView graph={analysis.graph} positions={analysis.positions} />
            ) : (
              <LoadingPanel label="Laying out the hierarchy…" />
            )}
          </div>
          {analysis && analysis.graph.danglingReports.length > 0 ? (
            <p className="border-t border-slate-200 px-4 py-2 text-xs text-red-700">
              {analysis.graph.danglingReports
                .map((report) => `${analysis.graph.nodes[report.index]!.name} reports to "${report.reportsTo}", which is not defined`)
                .join("; ")}
            </p>
          ) : null}
        </section>
      </div>
    </article>
  );
}

/** The server's findings, as markers beside the browser's own. */
function serverFindingsOf(error: ApiError): Finding[] {
  return (error.problem.errors ?? []).map((fieldError) => ({
    severity: "error",
    path: fieldError.path,
    message: `server: ${fieldError.message}`,
    line: fieldError.line ?? 1,
    column: fieldError.column ?? 1,
  }));
}
