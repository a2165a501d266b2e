export declare const sourceFolders: readonly string[];
export declare const digestFile: string;
export declare function sourcesDigest(root: string): string;
export declare function compiledState(root: string): 'current' | 'stale' | 'missing';
