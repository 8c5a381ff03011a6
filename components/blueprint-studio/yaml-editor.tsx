"use client";
// The YAML editor: Monaco with the blueprint schema (monaco-yaml) plus the full validator's
// findings as markers, Ctrl/Cmd+S to save, read-only for roles that may not edit.
// Loaded through next/dynamic without SSR: Monaco touches `window` when imported.
import Editor from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import type { Finding } from "@/lib/blueprint/finding";
import { BLUEPRINT_MODEL_URI, monaco } from "./monaco-setup";

export interface YamlEditorHandle {
  reveal(line: number, column: number): void;
}

const MARKER_OWNER = "blueprint-rules";

export default function YamlEditor({
  value,
  onChange,
  findings,
  readOnly,
  onSave,
  onReady,
}: {
  value: string;
  onChange: (text: string) => void;
  findings: readonly Finding[];
  readOnly: boolean;
  onSave: () => void;
  onReady: (handle: YamlEditorHandle) => void;
}) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The save command is bound once at mount; the ref keeps it calling the latest handler.
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  }, [onSave]);

  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(BLUEPRINT_MODEL_URI));
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      findings
        .filter((finding) => finding.line >= 1 && finding.line <= model.getLineCount())
        .map((finding) => ({
          severity: finding.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: finding.message,
          source: finding.path || "blueprint",
          startLineNumber: finding.line,
          startColumn: finding.column,
          endLineNumber: finding.line,
          endColumn: Math.max(finding.column + 1, model.getLineMaxColumn(finding.line)),
        })),
    );
  }, [findings, value]);

  return (
    <Editor
      height="100%"
      path={BLUEPRINT_MODEL_URI}
      language="yaml"
      value={value}
      onChange={(text) => onChange(text ?? "")}
      options={{
        readOnly,
        domReadOnly: readOnly,
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: 2,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        // Chromium's EditContext drops typed spaces in headless runs; the textarea input path does not.
        editContext: false,
        ariaLabel: readOnly ? "Blueprint YAML (read-only)" : "Blueprint YAML editor",
      }}
      onMount={(editor) => {
        editorRef.current = editor;
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current());
        onReady({
          reveal(line, column) {
            editor.setPosition({ lineNumber: line, column });
            editor.revealPositionInCenter({ lineNumber: line, column });
            editor.focus();
          },
        });
      }}
    />
  );
}
