"use client";
// The time now, ticking every `intervalMs` while `ticking` (a running task's duration counts up).
import { useEffect, useState } from "react";

export function useNow(intervalMs: number, ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    // At once as well: the time kept from an earlier render may be long past.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs, ticking]);
  return now;
}
