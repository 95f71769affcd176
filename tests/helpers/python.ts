/**
 * Runs exported Python where the machine has it. The interpreter is `python3`, or $PYTHON when set (a
 * machine whose PyTorch lives in another Python than the first on the PATH). Reached through Node's
 * child_process without Node's global types, which would leak into src's checks.
 */
interface SpawnResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
interface ChildProcess {
  spawnSync: (
    command: string,
    args: readonly string[],
    options?: { input?: string; encoding?: 'utf8'; maxBuffer?: number },
  ) => SpawnResult;
}
interface NodeProcess {
  readonly env: Record<string, string | undefined>;
  getBuiltinModule(name: 'node:child_process'): ChildProcess;
}

const nodeProcess = (globalThis as unknown as { process: NodeProcess }).process;
const { spawnSync } = nodeProcess.getBuiltinModule('node:child_process');

export const PYTHON = nodeProcess.env.PYTHON ?? 'python3';

/** Importing torch alone takes seconds on a busy two-core machine; a test that runs it gets this long. */
export const PYTHON_TIMEOUT_MS = 120_000;

/** Whether `PYTHON` runs and can import every module named. */
export function pythonHas(...modules: string[]): boolean {
  const imports = modules.map((name) => `import ${name}`).join('; ');
  const run = spawnSync(PYTHON, ['-c', imports || 'pass'], { encoding: 'utf8' });
  return run.status === 0;
}

/** Runs `script` with `input` on stdin and returns its stdout; throws with its stderr when it fails. */
export function runPython(script: string, input = ''): string {
  const run = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${PYTHON} failed:\n${run.stderr}`);
  return run.stdout;
}
