"use client";
// Upload a .yaml file into the editor (nothing is saved until the user saves) and download the
// text on screen.
import { useRef } from "react";
import { YamlFileInput } from "./yaml-file-input";

const buttonClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand";

export function FileActions({
  text,
  fileName,
  canUpload,
  onUpload,
}: {
  text: string;
  fileName: string;
  canUpload: boolean;
  onUpload: (text: string, fileName: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="flex flex-wrap gap-2">
      {canUpload ? (
        <>
          <YamlFileInput ref={input} label="Upload a YAML file" onFile={onUpload} />
          <button type="button" className={buttonClass} onClick={() => input.current?.click()}>
            Upload .yaml
          </button>
        </>
      ) : null}
      <button type="button" className={buttonClass} onClick={download}>
        Download
      </button>
    </div>
  );
}
