// Unsaved text is not lost by accident: closing or reloading the tab asks (beforeunload), and so
// does a link inside the console, which navigates without unloading the page.
import { useEffect } from "react";

export function useConfirmLeaving(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
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
}
