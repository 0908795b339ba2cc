import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.ts'],
      css: false,
      // Mounting Element Plus forms is slow on a loaded 2-core machine; this is a hang guard, not a timing check.
      testTimeout: 30000,
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
)
