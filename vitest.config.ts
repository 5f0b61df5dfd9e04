import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/pdf-tools-setup.ts'],
    // PDF generation and WASM start-up are slower than unit code on a 2-core CI box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
