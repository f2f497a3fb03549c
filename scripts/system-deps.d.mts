// Types of scripts/system-deps.mjs for the TypeScript tests that import it.
export type PackageLists = Record<string, Record<string, string>>;
type Options = { log?: (line: string) => void; what?: string; lists?: PackageLists };
export function missingPackages(sets: string[], lists?: PackageLists): [string, string][];
export function ensureSystemPackages(sets: string[], options?: Options): string[];
export function installed(pkg: string): boolean;
export function installCommand(pkgs: string[]): string;
export function packagesOf(set: string): string[];
