// Lint rules for the server and the web app, run by test/lint.test.ts (so by `npm test`). Layout is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'web/src/gql/', 'bench/results/', '**/node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // TypeORM's entity and migration lists and type-graphql's resolver list are typed `Function` by those libraries.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // A module adds its loaders to `Loaders` by declaration merging: `interface Loaders extends ReturnType<…> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `_`-named bindings say "deliberately unused" (a rest sibling dropped, a loop that only counts).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Our wrapping errors carry the cause's message as text on purpose: a pg or driver error object as `cause`
      // would take its client, connection string and parameters into the logs that print the error.
      'preserve-caught-error': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      // Tests read GraphQL responses as plain JSON and assert on their shape; typing every fixture adds nothing.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
