/**
 * The import-cycle check of `pnpm test` (`pnpm check:cycles`): no module may reach itself through its
 * imports, within a package or across workspace packages (which resolve to their sources). Parsed with
 * swc, since TypeScript 7 ships no compiler API for dependency-cruiser to use.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: move what both sides need into a module of its own.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)test/corpus/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
  },
};
