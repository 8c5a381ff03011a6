export type DatabaseProvider = "sqlite" | "postgresql";
export declare function providerOfUrl(url: string): DatabaseProvider;
export declare function describeDatabaseUrl(url: string): string;
