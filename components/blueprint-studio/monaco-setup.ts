// Monaco from the local monaco-editor package (never a CDN), its workers bundled by Next, and
// monaco-yaml fed the JSON Schema of the blueprint format for completion and hover. Its own
// validation stays off: every marker comes from our validator, which the Problems panel lists too.
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { configureMonacoYaml, type JSONSchema } from "monaco-yaml";
import { blueprintJsonSchema } from "@/lib/blueprint/schema";

export const BLUEPRINT_MODEL_URI = "file:///blueprint.yaml";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

function startEditorWorker(): Worker {
  return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker", import.meta.url), { type: "module" });
}

// Monaco asks for its editor worker only when it first needs it, and a diff's highlighting waits
// for that worker to download and start: started here, with Monaco, it is ready by then.
let startedEditorWorker: Worker | null = startEditorWorker();

window.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    if (label === "yaml") return new Worker(new URL("monaco-yaml/yaml.worker", import.meta.url), { type: "module" });
    const worker = startedEditorWorker ?? startEditorWorker();
    startedEditorWorker = null;
    return worker;
  },
};

loader.config({ monaco });

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: false,
  schemas: [
    {
      uri: "https://cluster-console.local/blueprint.schema.json",
      fileMatch: [BLUEPRINT_MODEL_URI],
      // zod emits draft 2020-12; monaco-yaml types the older draft it reads, which this schema fits.
      schema: blueprintJsonSchema() as JSONSchema,
    },
  ],
});

export { monaco };
