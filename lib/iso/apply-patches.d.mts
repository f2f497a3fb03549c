export function applyPatches(chunk: Buffer, pos: number, patches: { offset: number; data: Buffer }[]): void;
