// Lint: typescript-eslint's recommended rules (syntax-level, fast); the type checker runs separately (`npm run typecheck`).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '.build-*/**', 'web/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off', // TypeORM's migration list is typed Function[]
      'no-console': ['error', { allow: ['error', 'warn', 'log'] }],
    },
  },
);
