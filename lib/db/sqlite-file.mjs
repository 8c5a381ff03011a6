// SQLite URL -> file path, shared by the app (lib/db.ts) and the plain-Node migration scripts.
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Turn a SQLite URL (`file:./data/console.db`, `file:/abs/x.db`, `file:///abs/x.db`) into an
 * absolute file path, resolving relative paths against `root`, so every tool opens the same file.
 */
export function sqliteFileFromUrl(url, root) {
  if (typeof url !== "string" || url.trim() === "") {
    throw new Error("DATABASE_URL is empty");
  }
  if (/^(postgres(ql)?|mysql|sqlserver|mongodb(\+srv)?|prisma(\+postgres)?):/i.test(url)) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url.split(":")[0]}:..."`);
  }
  let file = url.replace(/^file:/, "");
  // `file:./x.db?connection_limit=1`: parameters mean nothing to better-sqlite3.
  const query = file.indexOf("?");
  if (query !== -1) file = file.slice(0, query);
  if (file.startsWith("//")) file = fileURLToPath(`file:${file}`);
  if (file === "" || file === ":memory:") {
    throw new Error(`DATABASE_URL must name a SQLite file, got "${url}"`);
  }
  return path.resolve(root, file);
}
