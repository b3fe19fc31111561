import { execFileSync } from 'node:child_process';

/** Every real-browser test runs against a fresh build of both targets. */
export default function setup(): void {
  if (process.env.PROSPECT_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
}
