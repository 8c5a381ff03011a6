"use client";
// A few mutually exclusive choices shown as joined buttons. Native radio buttons underneath, so arrow
// keys move the choice and assistive technology announces a labelled radio group; each radio is
// transparent over its whole button, so a pointer (or a test) clicks the radio itself.
import { useId } from "react";

export interface SegmentedOption<Value extends string> {
  value: Value;
  label: string;
}

export function SegmentedControl<Value extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: Value;
  options: ReadonlyArray<SegmentedOption<Value>>;
  onChange: (value: Value) => void;
}) {
  const labelId = useId();
  const name = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span id={labelId} className="text-sm font-medium text-slate-700">
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={labelId} className="inline-flex flex-wrap rounded-md border border-slate-300 bg-white p-0.5">
        {options.map((option) => (
          <label
            key={option.value}
            className="relative cursor-pointer rounded px-3 py-1 text-sm text-slate-700 not-has-checked:hover:bg-slate-100 has-checked:bg-brand has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-brand has-focus-visible:ring-offset-1"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              className="absolute inset-0 m-0 cursor-pointer opacity-0"
            />
            {option.label}
          </label>
        ))}
      </div>
    </div>
  );
}
