export interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly name?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly assets?: readonly string[];
}
export type Manifest = Readonly<Record<string, ManifestChunk>>;

export const DIST_DIR: string;
export const MANIFEST_FILE: string;
export function readManifest(root?: string): Manifest;
export function chunkClosure(manifest: Manifest, key: string): { js: string[]; css: string[] };
export function firstLoadFiles(manifest: Manifest): { js: string[]; css: string[] };
export function deferredFiles(manifest: Manifest): string[];
