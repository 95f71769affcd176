/**
 * Puts the app's real stylesheets into the jsdom document, so a test sees what the CSS does (hidden,
 * colours from custom properties). Vitest hands CSS imports to tests empty, so the files are read
 * from disk with Node's fs (reached without Node's global types, which would leak into src's checks).
 */
interface NodeBuiltins {
  getBuiltinModule(name: 'node:fs'): { readFileSync(path: string, encoding: 'utf8'): string };
}

function readProjectFile(path: string): string {
  const nodeProcess = (globalThis as unknown as { process: NodeBuiltins & { cwd(): string } }).process;
  return nodeProcess.getBuiltinModule('node:fs').readFileSync(`${nodeProcess.cwd()}/${path}`, 'utf8');
}

/** `paths` relative to the project root, e.g. `src/app/styles.css`. */
export function addStylesheets(...paths: readonly string[]): void {
  for (const path of paths) {
    const style = document.createElement('style');
    style.textContent = readProjectFile(path);
    document.head.append(style);
  }
}
