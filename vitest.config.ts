import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/{unit,worker,store,component,repo}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // Component and worker tests drive the real worker and React; on a shared 2-core CI machine one can
    // take longer than Vitest's 5 s default without anything being wrong. Speed is measured in bench/.
    testTimeout: 20_000,
  },
});
