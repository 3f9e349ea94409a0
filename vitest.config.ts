import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: unit tests start nothing; integration tests share one real control plane
// (etcd, kube-apiserver, kube-controller-manager) started once per run by the global setup.
export default defineConfig({
  test: {
    passWithNoTests: false,
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/integration/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/envtest/global-setup.ts'],
        },
      },
    ],
  },
});
