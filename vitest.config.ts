import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One worker per core, not vitest's cores - 1: most slow tests wait on a child process
    // (the built CLI, a batch's workers), so two files per core pair keep both cores busy.
    maxWorkers: availableParallelism(),
    globalSetup: ['tests/helpers/pdf-tools-setup.ts'],
    // PDF generation and WASM start-up are slower than unit code on a 2-core CI box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
