"use client";
// Two YAML texts side by side in Monaco's diff editor. The right side is editable when the user
// merges; loaded through next/dynamic without SSR, like the editor.
import { DiffEditor } from "@monaco-editor/react";
import "./monaco-setup";

export default function YamlDiff({
  original,
  modified,
  editable = false,
  onModifiedChange,
  label,
}: {
  original: string;
  modified: string;
  editable?: boolean;
  onModifiedChange?: (text: string) => void;
  label: string;
}) {
  return (
    <div className="h-full" aria-label={label} role="group">
      <DiffEditor
        height="100%"
        language="yaml"
        original={original}
        modified={modified}
        originalModelPath={`inmemory://diff/${encodeURIComponent(label)}/original.yaml`}
        modifiedModelPath={`inmemory://diff/${encodeURIComponent(label)}/modified.yaml`}
        options={{
          readOnly: !editable,
          originalEditable: false,
          renderSideBySide: true,
          minimap: { enabled: false },
          automaticLayout: true,
          editContext: false,
          scrollBeyondLastLine: false,
        }}
        onMount={(editor) => {
          const modifiedEditor = editor.getModifiedEditor();
          // The diff editor's own readOnly option does not reach the modified side in every version; set it there.
          modifiedEditor.updateOptions({ readOnly: !editable, editContext: false });
          editor.getOriginalEditor().updateOptions({ editContext: false });
          modifiedEditor.onDidChangeModelContent(() => onModifiedChange?.(modifiedEditor.getValue()));
        }}
      />
    </div>
  );
}
