// A timestamp in the reader's own locale and time zone, machine-readable underneath.
export function LocalTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{new Date(iso).toLocaleString()}</time>;
}
