import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./local/tests/preparation-tests.ts'],
    // Un test qui n'affirme rien ne peut pas échouer : refusé.
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unitaires',
          include: ['src/**/*.test.ts', 'functions/**/*.test.ts', 'local/**/*.test.ts', 'supabase/tests/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'ilots',
          include: ['src/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'navigateur',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
