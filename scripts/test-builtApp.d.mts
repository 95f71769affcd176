export function builtAppIsFresh(root?: string): boolean;
