"use client";
// The hidden file input behind an "Upload" button: reads the chosen YAML file as text and clears
// itself, so choosing the same file again still counts.
import type { Ref } from "react";

export function YamlFileInput({
  ref,
  label,
  onFile,
}: {
  ref: Ref<HTMLInputElement>;
  label: string;
  onFile: (text: string, fileName: string) => void;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".yaml,.yml,application/yaml,text/yaml"
      aria-label={label}
      className="sr-only"
      onChange={async (event) => {
        const file = event.target.files?.[0];
        if (file) onFile(await file.text(), file.name);
        event.target.value = "";
      }}
    />
  );
}
