// ESLint over the whole tree (npm test runs it): typescript-eslint's recommended rules without
// type information (the native TypeScript 7 compiler checks the types), and the Lit and
// web-components plugins for elements and controllers.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {ignores: ['node_modules/', 'dist/', '.build/', 'bench/results/', 'docs/.vitepress/cache/', 'custom-elements.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      // Definitions of any var map (`StateDefinition<any>`) are how heterogeneous namespaces are
      // held; the compiler's strict mode checks the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      // `_`-prefixed bindings are deliberately unused (destructured away, placeholders).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true},
      ],
      // `{}` is "no options given" as a generic default (`const O extends VarOptions = {}`), and
      // an empty interface extending one is how hosts' element maps are declared.
      '@typescript-eslint/no-empty-object-type': [
        'error',
        {allowInterfaces: 'with-single-extends', allowObjectTypes: 'always'},
      ],
    },
  },
  // Type tests declare values only to check their types.
  {files: ['test/types/**'], rules: {'@typescript-eslint/no-unused-vars': 'off'}},
);
