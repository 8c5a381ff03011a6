export declare const SQLITE_SCHEMA_PATH: string;
export declare const POSTGRES_SCHEMA_PATH: string;
export declare function postgresSchemaFrom(sqliteSchema: string): string;
export declare function writePostgresSchema(): Promise<void>;
