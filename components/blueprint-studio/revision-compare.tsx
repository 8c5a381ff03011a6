"use client";
// Two revisions of a blueprint: what changed in meaning, in words, above Monaco's text diff.
import dynamic from "next/dynamic";
import Link from "next/link";
import { parse } from "yaml";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { describeBlueprintChanges } from "@/lib/blueprint/compare-blueprints";
import { ApiError } from "@/lib/client/api-client";
import { useRevision } from "@/lib/client/blueprint-hooks";

const loadYamlDiff = () => import("./yaml-diff");
// Monaco is the page's biggest download: fetch it while the revisions load, not after.
if (typeof window !== "undefined") void loadYamlDiff();
const YamlDiff = dynamic(loadYamlDiff, { ssr: false, loading: () => <LoadingPanel label="Loading the diff…" /> });

/** The YAML as data for the comparison; text that does not parse compares as nothing. */
function readData(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

export function RevisionCompare({ blueprintId, from, to }: { blueprintId: string; from: number; to: number }) {
  const before = useRevision(blueprintId, from);
  const after = useRevision(blueprintId, to);
  const back = (
    <Link href={`/blueprints/${encodeURIComponent(blueprintId)}`} className="font-medium text-brand underline">
      Back to {blueprintId}
    </Link>
  );
  if (!Number.isInteger(from) || !Number.isInteger(to)) return <EmptyPanel title="Pick two revisions to compare">{back}</EmptyPanel>;
  if (before.isPending || after.isPending) return <LoadingPanel label="Loading the revisions…" />;
  if (before.isError || after.isError) {
    const [revision, error] = before.isError ? [from, before.error] : [to, after.error!];
    if (error instanceof ApiError && error.status === 404) {
      return <EmptyPanel title={`There is no revision ${revision} of ${blueprintId}`}>{back}</EmptyPanel>;
    }
    return <ErrorPanel title={`Revision ${revision} could not be loaded`} error={error} />;
  }

  const changes = describeBlueprintChanges(readData(before.data.blueprint_yaml), readData(after.data.blueprint_yaml));
  return (
    <article aria-labelledby="compare-heading" className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        {back}
      </nav>
      <h1 id="compare-heading" className="text-2xl font-semibold">
        Revision {from} ({before.data.version}) → revision {to} ({after.data.version})
      </h1>
      <section aria-labelledby="meaning-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="meaning-heading" className="text-sm font-semibold">
          What changed
        </h2>
        {changes.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Nothing that changes what the blueprint spawns; only the text differs.</p>
        ) : (
          <ul aria-label="Changes in meaning" className="mt-1 list-disc pl-5 text-sm text-slate-800">
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        )}
      </section>
      <div className="h-[60vh] overflow-hidden rounded-lg border border-slate-200 bg-white">
        <YamlDiff
          original={before.data.blueprint_yaml}
          modified={after.data.blueprint_yaml}
          label={`Revision ${from} against ${to}`}
          originalLabel={`Revision ${from} YAML (read-only)`}
          modifiedLabel={`Revision ${to} YAML (read-only)`}
        />
      </div>
    </article>
  );
}
