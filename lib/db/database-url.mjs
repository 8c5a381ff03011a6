// Which database a DATABASE_URL names, shared by the app (lib/db.ts) and the plain-Node scripts.

/** "postgresql" for postgres:// and postgresql:// URLs, "sqlite" for file: URLs; anything else is an error. */
export function providerOfUrl(url) {
  if (typeof url !== "string" || url.trim() === "") throw new Error("DATABASE_URL is empty");
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (/^file:/i.test(url)) return "sqlite";
  throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${url.split(":")[0]}:..."`);
}

/** The URL with its password masked, for messages and logs. */
export function describeDatabaseUrl(url) {
  if (providerOfUrl(url) === "sqlite") return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
