"use client";
// Below the header's breakpoint the navigation and the signed-in user fold into one disclosure:
// the button says whether it is open, opening moves focus to the first section, Escape closes it
// and gives focus back to the button, and following a link, clicking elsewhere or tabbing out
// closes it too.
import { type FocusEvent, useEffect, useId, useRef, useState } from "react";
import { ConsoleNav } from "./console-nav";
import { UserMenu } from "./user-menu";

export function PhoneMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button")?.focus();
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const closeOnOutsidePointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", closeOnEscape);
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    return () => {
      document.removeEventListener("keydown", closeOnEscape);
      document.removeEventListener("pointerdown", closeOnOutsidePointer);
    };
  }, [open]);

  const closeWhenFocusLeaves = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    if (next && !panel.current?.contains(next) && !button.current?.contains(next)) setOpen(false);
  };

  return (
    <div className="lg:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
      >
        <MenuIcon open={open} />
        Menu
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          onBlur={closeWhenFocusLeaves}
          className="absolute inset-x-0 top-full z-40 space-y-3 border-b border-slate-200 bg-white px-4 py-3 shadow-lg"
        >
          <ConsoleNav layout="column" onNavigate={() => setOpen(false)} />
          <div className="border-t border-slate-200 pt-3">
            <UserMenu />
          </div>
        </div>
      ) : null}
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 20 20" className="h-4 w-4" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
    </svg>
  );
}
