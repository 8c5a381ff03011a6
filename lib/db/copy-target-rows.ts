// Rows into PostgreSQL for `db copy`: each table's columns and key as the target's catalogue has them
// (the migrations made it, so they are the schema's), inserts of a whole slice in one statement, and
// the SERIAL sequences moved past the ids the rows brought along.
import type pg from "pg";

export interface TableShape {
  table: string;
  /** In the table's order, each with the PostgreSQL array type its values travel in (`integer[]`, `text[]`...). */
  columns: { name: string; arrayType: string }[];
  /** The primary key's columns, in the key's order: the order the rows are read in. */
  key: string[];
}

export type Row = Record<string, unknown>;

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function readTableShape(client: pg.Client, table: string): Promise<TableShape> {
  const columns = await client.query<{ name: string; array_type: string }>(
    `SELECT a.attname AS name, format_type(t.typarray, NULL) AS array_type
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [quoteIdentifier(table)],
  );
  const key = await client.query<{ name: string }>(
    `SELECT a.attname AS name
     FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.position`,
    [quoteIdentifier(table)],
  );
  if (columns.rows.length === 0 || key.rows.length === 0) throw new Error(`${table}: no such table with a primary key in the target`);
  return {
    table,
    columns: columns.rows.map((row) => ({ name: row.name, arrayType: row.array_type })),
    key: key.rows.map((row) => row.name),
  };
}

/**
 * One statement for the whole slice, whatever its size: each column travels as one array parameter
 * and `unnest` turns the arrays back into rows. Several times faster than a VALUES list of a
 * parameter per field (and Prisma's createMany), and never near PostgreSQL's 65,535-parameter limit.
 */
export async function insertRows(client: pg.Client, shape: TableShape, rows: readonly Row[]): Promise<void> {
  const names = shape.columns.map((column) => quoteIdentifier(column.name)).join(", ");
  const arrays = shape.columns.map((column, index) => `$${index + 1}::${column.arrayType}`).join(", ");
  const values = shape.columns.map((column) => rows.map((row) => toParameter(row[column.name])));
  await client.query(`INSERT INTO ${quoteIdentifier(shape.table)} (${names}) SELECT * FROM unnest(${arrays})`, values);
}

// Prisma keeps times in UTC in a `timestamp` column; pg would write a Date in the process's time zone.
function toParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export async function countTargetRows(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${quoteIdentifier(table)}`);
  return rows[0]?.count ?? 0;
}

/**
 * The rows kept their SQLite ids, which PostgreSQL's SERIAL sequences never saw: each sequence is set
 * so that its next value is one past its column's largest id (1 for an empty table). The sequences are
 * found in the catalogue, so a table added later is never missed.
 */
export async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${quoteIdentifier(column)}), 0) + 1, false) FROM ${quoteIdentifier(table)}`,
      [quoteIdentifier(table), column],
    );
  }
}
