// Lint with type information; the folder rules keep the arrows pointing inward (ARCHITECTURE).
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'Denne mappe må ikke importere herfra (se docs/ARCHITECTURE.md).',
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'bin/**', 'scripts/**', 'tmp/**', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict([
      'node:*',
      '**/db/**',
      '**/services/**',
      '**/http/**',
      '**/cli/**',
      '**/archive/**',
      '**/config*',
    ]),
  },
  {
    files: ['src/archive/**'],
    rules: restrict(['**/db/**', '**/services/**', '**/http/**', '**/cli/**']),
  },
  { files: ['src/db/**'], rules: restrict(['**/services/**', '**/http/**', '**/cli/**']) },
  // Tests may use node:test and the test support, wherever they stand.
  { files: ['**/*.test.ts', '**/*.test.tsx'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/services/**'], rules: restrict(['**/http/**', '**/cli/**']) },
);
