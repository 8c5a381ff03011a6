"use client";
// A list's filters live in the address (`?q=…&status=…&page=2`), so a reload, a shared link or
// Back shows the same list. A change rewrites the address in place (history.replaceState, which
// the App Router follows) instead of adding a history entry per keystroke.
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";

export type UrlFilters<Key extends string> = Readonly<Record<Key, string>>;

export function useUrlFilters<Key extends string>(
  keys: readonly Key[],
): [UrlFilters<Key>, (changes: Partial<Record<Key, string>>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const address = searchParams.toString();
  const [shown, setShown] = useState(() => ({ address, values: readFilters(searchParams, keys) }));
  // The addresses this list wrote itself: the router reports them a render or two late, and they
  // must not undo typing that happened since.
  const [ownAddresses] = useState(() => new Set<string>());

  let values = shown.values;
  if (address !== shown.address && !ownAddresses.has(address)) {
    // Someone else changed the address (a link to the bare list, say): show what it asks for.
    values = readFilters(searchParams, keys);
    ownAddresses.clear();
    setShown({ address, values });
  }

  const change = (changes: Partial<Record<Key, string>>) => {
    const next = { ...values, ...changes };
    const query = new URLSearchParams(window.location.search);
    for (const key of keys) {
      if (next[key]) query.set(key, next[key]);
      else query.delete(key);
    }
    const written = query.toString();
    ownAddresses.add(written);
    setShown({ address: shown.address, values: next });
    window.history.replaceState(null, "", written ? `${pathname}?${written}` : pathname);
  };

  return [values, change];
}

function readFilters<Key extends string>(searchParams: URLSearchParams, keys: readonly Key[]): UrlFilters<Key> {
  return Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? ""])) as Record<Key, string>;
}

/** A page number from the address: 1 unless it names a later page. */
export function pageFrom(value: string): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/** The address's value when it is one of `options`, else "" (any). */
export function oneOf<Value extends string>(options: readonly Value[], value: string): Value | "" {
  return (options as readonly string[]).includes(value) ? (value as Value) : "";
}
