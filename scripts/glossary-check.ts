import { compileGlossarySources } from './glossary-sources';
import { evaluationReport } from './lib/evaluation-report';

const { index, problems } = compileGlossarySources();
for (const p of problems) console.error(`${p.origin}${p.id ? ` (${p.id})` : ''}: ${p.message}`);
console.log(`glossary: ${index.entries.length} entries, ${index.patterns.length} patterns, ${problems.length} problem(s)`);
for (const line of evaluationReport(index, undefined, { listMissed: process.argv.includes('--missed') })) console.log(line);
process.exitCode = problems.length ? 1 : 0;
