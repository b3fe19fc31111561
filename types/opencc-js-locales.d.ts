// opencc-js ships its per-locale dictionary groups without type declarations.
declare module 'opencc-js/from/*' {
  const groups: readonly import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/*' {
  const groups: readonly import('opencc-js/core').DictGroup[];
  export default groups;
}
