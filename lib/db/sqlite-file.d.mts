export declare function sqliteFileFromUrl(url: string, root: string): string;
