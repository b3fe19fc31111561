declare module 'virtual:glossary-index' {
  const index: import('../utils/glossary/types').GlossaryIndex;
  export default index;
}
