// Status, role and type columns hold plain text (no database enums, so SQLite and PostgreSQL store
// them alike); the record parsers turn that text into the domain's types here, and only here.

/** `value` as one of `allowed`; anything else was written behind the services' back, so it throws. */
export function parseStoredValue<const T extends string>(allowed: readonly T[], value: string, column: string): T {
  const known = allowed.find((candidate) => candidate === value);
  if (known === undefined) throw new Error(`${column} holds "${value}", which is none of ${allowed.join(", ")}`);
  return known;
}
