"use client";
// "New blueprint": pick one of the examples as the starting text, then edit it in the studio.
import { useState } from "react";
import type { BlueprintTemplate } from "@/lib/blueprint/list-templates";
import { BlueprintStudio } from "./blueprint-studio";

export function NewBlueprint({ templates }: { templates: BlueprintTemplate[] }) {
  const [template, setTemplate] = useState<BlueprintTemplate | null>(null);
  if (template)
    return <BlueprintStudio key={template.id} initialText={startFrom(template)} title={`New blueprint from ${template.name}`} />;
  return (
    <section aria-labelledby="templates-heading" className="space-y-4">
      <h1 id="templates-heading" className="text-2xl font-semibold">
        New blueprint
      </h1>
      <p className="text-sm text-slate-600">Start from one of the examples; give it its own id and name before you save.</p>
      <ul aria-label="Templates" className="grid gap-3 sm:grid-cols-2">
        {templates.map((candidate) => (
          <li key={candidate.id}>
            <button
              type="button"
              onClick={() => setTemplate(candidate)}
              className="h-full w-full rounded-lg border border-slate-200 bg-white p-4 text-left hover:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
            >
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
