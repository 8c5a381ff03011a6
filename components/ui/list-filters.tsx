// The controls list pages filter with: a labelled search field and a labelled choice of values
// with "any" first. Changing either returns the list to its first page (the caller's onChange).
import { useId } from "react";

export function SearchField({
  label,
  value,
  placeholder,
  onChange,
}: {
  label: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        className="w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand focus:ring-2 focus:ring-brand/30 focus:outline-none"
      />
    </>
  );
}

export function FilterSelect<Value extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: Value | "";
  options: readonly Value[];
  onChange: (value: Value | "") => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      {label}
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        value={value}
        onChange={(event) => onChange(event.target.value as Value | "")}
      >
        <option value="">any</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}

/** "3 clusters", "1 cluster": the count a filtered list announces. */
export function ResultCount({ total, one, many }: { total: number; one: string; many: string }) {
  return (
    <p className="text-sm text-slate-600" aria-live="polite">
      {total} {total === 1 ? one : many}
    </p>
  );
}
