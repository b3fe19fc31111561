/**
 * The built-in glossary as extension files, read by the background the first time it needs them:
 * compiled into its script, 3 MB of data would be evaluated on every wake of the service worker.
 */
export const GLOSSARY_INDEX_FILE = 'glossary/index.json';
/** What pages match against (utils/glossary/match-index.ts), made at build time. */
export const GLOSSARY_MATCH_FILE = 'glossary/match.json';
