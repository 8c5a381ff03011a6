"use client";
// Tabs as WAI-ARIA describes them: one tab stop for the row (the chosen tab), arrow keys, Home and
// End move the choice, and the one panel shown is labelled by its tab. The caller keeps the choice
// (in the address, say) and renders only the chosen panel's content.
import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";

export interface TabOption<Value extends string> {
  value: Value;
  label: string;
}

export function Tabs<Value extends string>({
  label,
  options,
  value,
  onChange,
  children,
}: {
  label: string;
  options: ReadonlyArray<TabOption<Value>>;
  value: Value;
  onChange: (value: Value) => void;
  children: ReactNode;
}) {
  const baseId = useId();
  const tabs = useRef(new Map<Value, HTMLButtonElement>());
  const tabId = (option: Value) => `${baseId}-tab-${option}`;
  const panelId = `${baseId}-panel`;

  const moveTo = (index: number) => {
    const next = options[(index + options.length) % options.length]!.value;
    onChange(next);
    tabs.current.get(next)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const current = options.findIndex((option) => option.value === value);
    const target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: options.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div className="space-y-6">
      <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {options.map((option) => {
          const selected = option.value === value;
          return (
            <button
              key={option.value}
              ref={(element) => {
                if (element) tabs.current.set(option.value, element);
                else tabs.current.delete(option.value);
              }}
              type="button"
              role="tab"
              id={tabId(option.value)}
              aria-selected={selected}
              // Only the shown panel exists, so only its tab points at it.
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(option.value)}
              onKeyDown={onKeyDown}
              className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium whitespace-nowrap focus:outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-inset ${
                selected ? "border-brand text-brand" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {option.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(value)} className="space-y-8">
        {children}
      </div>
    </div>
  );
}
