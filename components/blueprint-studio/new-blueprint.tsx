"use client";
// "New blueprint": start from a blank blueprint, one of the examples, or an uploaded file, then
// edit it in the studio. The choice lives in the URL (`?template=marketing`, `?template=blank`), so
// a reload or the back button keeps the user where they were.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { BLANK_BLUEPRINT_YAML } from "@/lib/blueprint/blank-blueprint";
import type { BlueprintTemplate } from "@/lib/blueprint/list-templates";
import { BlueprintStudio } from "./blueprint-studio";
import { YamlFileInput } from "./yaml-file-input";

const BLANK = "blank";
const choiceClass =
  "h-full w-full rounded-lg border border-slate-200 bg-white p-4 text-left hover:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand";

export function NewBlueprint({ templates, chosen }: { templates: BlueprintTemplate[]; chosen?: string }) {
  const router = useRouter();
  const [uploaded, setUploaded] = useState<{ text: string; fileName: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const template = templates.find((candidate) => candidate.key === chosen);

  if (uploaded)
    return (
      <BlueprintStudio key={`upload:${uploaded.fileName}`} initialText={uploaded.text} title={`New blueprint from ${uploaded.fileName}`} />
    );
  if (chosen === BLANK) return <BlueprintStudio key={BLANK} initialText={BLANK_BLUEPRINT_YAML} title="New blank blueprint" />;
  if (template)
    return <BlueprintStudio key={template.key} initialText={startFrom(template)} title={`New blueprint from ${template.name}`} />;

  const choose = (key: string) => router.push(`/blueprints/new?template=${encodeURIComponent(key)}`);
  return (
    <section aria-labelledby="templates-heading" className="space-y-4">
      <h1 id="templates-heading" className="text-2xl font-semibold">
        New blueprint
      </h1>
      <p className="text-sm text-slate-600">
        Start blank, from one of the examples, or from a file; give it its own id and name before you save.
      </p>
      <ul aria-label="Templates" className="grid gap-3 sm:grid-cols-2">
        <li>
          <button type="button" onClick={() => choose(BLANK)} className={choiceClass}>
            <span className="block font-medium text-slate-900">Blank blueprint</span>
            <span className="mt-1 block text-sm text-slate-600">A supervisor and one group of workers, nothing else</span>
          </button>
        </li>
        <li>
          <YamlFileInput
            ref={fileInput}
            label="Upload a YAML file to start from"
            onFile={(text, fileName) => setUploaded({ text, fileName })}
          />
          <button type="button" onClick={() => fileInput.current?.click()} className={choiceClass}>
            <span className="block font-medium text-slate-900">Upload a .yaml file</span>
            <span className="mt-1 block text-sm text-slate-600">Edit a blueprint written elsewhere before saving it here</span>
          </button>
        </li>
        {templates.map((candidate) => (
          <li key={candidate.key}>
            <button type="button" onClick={() => choose(candidate.key)} className={choiceClass}>
              <span className="block font-medium text-slate-900">{candidate.name}</span>
              {candidate.description ? <span className="mt-1 block text-sm text-slate-600">{candidate.description}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The example with a fresh id, so that saving it creates a new blueprint instead of colliding. */
function startFrom(template: BlueprintTemplate): string {
  return template.yaml.replace(new RegExp(`(\\bid:\\s*)${template.id}\\b`), `$1my-${template.id}`);
}
