// Types for schema-engine.mjs (the project's tsconfig has allowJs: false).
import type { DiagnoseMigrationHistoryOutput, DiffTarget, MigrationList, SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";

export declare const PROJECT_ROOT: string;
export declare const SCHEMA_PATH: string;
export declare const MIGRATIONS_DIR: string;
export declare const DEFAULT_DATABASE_URL: string;
export declare const MIGRATION_LOCK_FILE: string;
export declare const MIGRATION_LOCK_CONTENT: string;
export declare const POSTGRES_SCHEMA_PATH: string;
export declare const POSTGRES_MIGRATIONS_DIR: string;
export declare function migrationLockContent(provider: "sqlite" | "postgresql"): string;
export declare const PROVIDER_PATHS: Record<"sqlite" | "postgresql", { schemaPath: string; migrationsDir: string }>;

export declare function loadProjectEnv(root?: string): Promise<void>;
export declare function sqliteFileFromUrl(url: string, root?: string): string;
export declare function readMigrationsList(migrationsDir?: string): Promise<MigrationList>;
export declare function readSchemaFiles(schemaPath?: string | string[]): Promise<SchemaContainer[]>;

export declare const diffSource: {
  empty(): DiffTarget;
  database(schemaFiles: SchemaContainer[]): DiffTarget;
  schema(schemaFiles: SchemaContainer[]): DiffTarget;
  migrations(migrationsList: MigrationList): DiffTarget;
};

export interface DiffOutcome {
  /** Migration SQL; "" when there is no difference. */
  sql: string;
  isEmpty: boolean;
}

export interface OpenedSchemaEngine {
  provider: "sqlite" | "postgresql";
  databaseFile: string | undefined;
  schemaFiles: SchemaContainer[];
  engine: SchemaEngine;
  call<M extends keyof SchemaEngine>(
    method: M,
    input: SchemaEngine[M] extends (input: infer I) => unknown ? I : never,
  ): Promise<SchemaEngine[M] extends (...args: never[]) => Promise<infer O> ? O : never>;
  applyMigrations(migrationsDir?: string): Promise<{ appliedMigrationNames: string[]; migrationCount: number }>;
  diagnoseMigrationHistory(migrationsDir?: string): Promise<DiagnoseMigrationHistoryOutput>;
  diff(from: DiffTarget, to: DiffTarget): Promise<DiffOutcome>;
  diffDatabaseToSchema(targetSchemaPath?: string | string[]): Promise<DiffOutcome>;
  /** Prisma's migration script (with its Warnings comment); may throw: fall back to diff(). */
  createMigrationScript(migrationsDir?: string, targetSchemaPath?: string | string[]): Promise<string | null>;
  close(): Promise<void>;
}

export declare function openSchemaEngine(options: {
  /** Absolute path, or ":memory:" when no database is needed (SQLite). */
  databaseFile?: string;
  /** A postgresql:// URL instead of a SQLite file. */
  databaseUrl?: string;
  schemaPath?: string | string[];
  log?: (line: string) => void;
}): Promise<OpenedSchemaEngine>;
