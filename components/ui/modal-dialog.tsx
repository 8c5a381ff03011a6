"use client";
// A modal on the native <dialog>: the browser traps focus, Escape closes it, and it is announced
// as a dialog. Open while `open` is true; `onClose` runs for Escape, the close button and backdrop.
import { type ReactNode, useEffect, useId, useRef } from "react";

export function ModalDialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal focuses the first focusable element, the close button; start at the first field instead.
      const body = element.querySelector("[data-dialog-body]");
      const first = (selector: string) => body?.querySelector<HTMLElement>(`:is(${selector}):not([disabled])`);
      (first("input, select, textarea") ?? first("button"))?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="m-auto w-full max-w-2xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="space-y-4 p-6">
          <div className="flex items-start gap-3">
            <h2 id={titleId} className="flex-1 text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
            >
              ×
            </button>
          </div>
          <div data-dialog-body className="space-y-4">
            {children}
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
