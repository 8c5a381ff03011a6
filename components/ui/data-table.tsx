"use client";
// The frame every list table shares: a labelled table with column headers; rows come as children.
// On a narrow screen the table keeps its columns and scrolls inside its frame, and says so: a
// line above it and a shade on the side with more columns, so one visible column is never
// mistaken for the whole table.
import { type ReactNode, type RefObject, useEffect, useRef, useState } from "react";

export function DataTable({ label, columns, children }: { label?: string; columns: ReadonlyArray<string | false>; children: ReactNode }) {
  const shown = columns.filter((column) => column !== false);
  const scroller = useRef<HTMLDivElement>(null);
  const { before, after } = useHiddenSides(scroller);
  const scrolls = before || after;
  return (
    <div className="space-y-1">
      {scrolls ? (
        <p className="text-xs text-slate-500" data-testid="table-scroll-cue">
          Scroll sideways to see all {shown.length} columns
        </p>
      ) : null}
      <div className="relative">
        <div
          ref={scroller}
          // A region that scrolls must be reachable from the keyboard.
          tabIndex={scrolls ? 0 : undefined}
          role={scrolls ? "region" : undefined}
          aria-label={scrolls ? `${label ?? "Table"}, scrolls sideways` : undefined}
          // Positioned, so the frame also clips what cells place absolutely (screen-reader text):
          // otherwise that text escapes the frame and the whole page scrolls sideways.
          className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        >
          <table aria-label={label} className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                {shown.map((column) => (
                  <th key={column} scope="col" className="px-4 py-3 whitespace-nowrap">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">{children}</tbody>
          </table>
        </div>
        {before ? <Shade side="left" /> : null}
        {after ? <Shade side="right" /> : null}
      </div>
    </div>
  );
}

function Shade({ side }: { side: "left" | "right" }) {
  const placement = side === "left" ? "left-0 rounded-l-lg bg-linear-to-r" : "right-0 rounded-r-lg bg-linear-to-l";
  return <div aria-hidden className={`pointer-events-none absolute inset-y-0 w-6 from-slate-900/15 to-transparent ${placement}`} />;
}

/** Whether columns lie hidden before or after the visible part of a sideways-scrolling frame. */
function useHiddenSides(scroller: RefObject<HTMLDivElement | null>) {
  const [sides, setSides] = useState({ before: false, after: false });
  useEffect(() => {
    const frame = scroller.current;
    if (!frame) return;
    const measure = () => {
      const before = frame.scrollLeft > 1;
      const after = frame.scrollLeft + frame.clientWidth < frame.scrollWidth - 1;
      setSides((current) => (current.before === before && current.after === after ? current : { before, after }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    if (frame.firstElementChild) observer.observe(frame.firstElementChild);
    frame.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      frame.removeEventListener("scroll", measure);
    };
  }, [scroller]);
  return sides;
}
