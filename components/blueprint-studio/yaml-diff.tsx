"use client";
// Two YAML texts side by side in Monaco's diff editor. The right side is editable when the user
// merges; loaded through next/dynamic without SSR, like the editor.
import { DiffEditor } from "@monaco-editor/react";
import { monaco } from "./monaco-setup";

export default function YamlDiff({
  original,
  modified,
  editable = false,
  onModifiedChange,
  label,
  originalLabel,
  modifiedLabel,
}: {
  original: string;
  modified: string;
  editable?: boolean;
  onModifiedChange?: (text: string) => void;
  label: string;
  /** Names of the two sides' text areas, which Monaco otherwise leaves unnamed. */
  originalLabel: string;
  modifiedLabel: string;
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
          keepAriaLabel(editor.getOriginalEditor(), originalLabel);
          keepAriaLabel(modifiedEditor, modifiedLabel);
          modifiedEditor.onDidChangeModelContent(() => onModifiedChange?.(modifiedEditor.getValue()));
        }}
      />
    </div>
  );
}

/**
 * Names one side's text area. The diff editor's own originalAriaLabel and modifiedAriaLabel do not
 * last: each time it recomputes its sides' options (once right after creation, again when the
 * width switches it between side by side and inline) it sets their labels to "".
 */
function keepAriaLabel(side: monaco.editor.ICodeEditor, label: string) {
  const apply = () => {
    if (side.getOption(monaco.editor.EditorOption.ariaLabel) !== label) side.updateOptions({ ariaLabel: label });
  };
  apply();
  side.onDidChangeConfiguration((event) => {
    if (event.hasChanged(monaco.editor.EditorOption.ariaLabel)) apply();
  });
}
