"use client";
// A modal on the native <dialog>: the browser traps focus, Escape closes it, and it is announced
// as a dialog. Open while `open` is true; `onClose` runs for Escape, the close button and backdrop.
// Centred, or as a drawer along the right edge (`placement="side"`) for details read beside a list.
import { type ReactNode, useEffect, useId, useRef } from "react";

const PLACEMENT_CLASS = {
  center: "m-auto max-w-2xl rounded-lg border",
  side: "my-0 mr-0 ml-auto h-dvh max-h-dvh max-w-xl border-l",
};

export function ModalDialog({
  open,
  title,
  onClose,
  placement = "center",
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  placement?: keyof typeof PLACEMENT_CLASS;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal focuses the first focusable element, the close button; start where the body asks
      // (data-autofocus), else at the first field.
      const body = element.querySelector("[data-dialog-body]");
      const first = (selector: string) => body?.querySelector<HTMLElement>(`:is(${selector}):not([disabled])`);
      (first("[data-autofocus]") ?? first("input, select, textarea") ?? first("button"))?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className={`w-full border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40 ${PLACEMENT_CLASS[placement]}`}
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
