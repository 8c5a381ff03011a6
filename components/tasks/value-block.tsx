// A task's value (input, result, error message, an executor's facts) as text: a string as it is,
// anything else as indented JSON. Long values scroll inside the block, which takes the keyboard focus
// so they can be scrolled without a pointer; lines wrap, so a phone never scrolls sideways.
import { showValue } from "./task-format";

export function ValueBlock({ value }: { value: unknown }) {
  return (
    <pre
      tabIndex={0}
      className="mt-1 max-h-80 overflow-y-auto rounded bg-slate-50 p-2 font-mono text-xs break-words whitespace-pre-wrap text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
    >
      {showValue(value)}
    </pre>
  );
}
