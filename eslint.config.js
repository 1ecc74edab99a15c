import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-ssr', 'generated', 'coverage', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The browser only reads the finished bundle: parsing, validation and Markdown stay at build time.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ingest', '**/ingest/**', '**/site', '**/site/**'], message: 'src/app runs in the browser; build-time code stays out.' },
            { group: ['**/core/schema', '**/core/schema.ts'], allowTypeImports: true, message: 'Import the schema as a type only, so zod stays out of the browser.' },
          ],
          paths: [
            { name: 'zod', message: 'Validation happens at build time.' },
            { name: 'marked', message: 'Markdown is turned into blocks at build time.' },
            { name: 'i18n-iso-countries', message: 'Country names come from the bundle.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sw/**/*.ts'],
    languageOptions: { globals: globals.serviceworker },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**', '**/ingest/**', '**/site/**'], message: 'The service worker shares only core with the rest.' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**', '**/ingest/**', '**/site/**'], message: 'core is shared and depends on nothing above it.' }] },
      ],
    },
  },
);
