declare module 'virtual:glossary-index' {
  const index: import('../utils/glossary/types').GlossaryIndex;
  export default index;
}

declare module 'virtual:glossary-match' {
  const index: import('../utils/glossary/match-index').MatchIndex;
  export default index;
}
