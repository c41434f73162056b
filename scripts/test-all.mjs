// `npm test`: builds what the suites need (turbo, cached), then runs every suite — unit,
// integration (real SQLite and PostgreSQL), component tests in Chromium and browser end-to-end —
// and ends with one line totalling them all: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensurePrerequisites } from './prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

ensurePrerequisites();

const only = process.argv.slice(2);
const suites = [
  { name: 'schema', kind: 'vitest', cwd: 'packages/schema' },
  { name: 'components', kind: 'vitest', cwd: 'packages/components' },
  { name: 'cms', kind: 'vitest', cwd: 'apps/cms' },
  { name: 'web', kind: 'vitest', cwd: 'apps/web' },
  { name: 'e2e', kind: 'playwright', cwd: 'tests' },
].filter((suite) => only.length === 0 || only.includes(suite.name));

const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('npm test: the build failed, so no suite ran');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const suite of suites) {
  const report = path.join(reports, `${suite.name}.json`);
  const command =
    suite.kind === 'vitest'
      ? ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]
      : ['playwright', 'test'];
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
  console.log(`\n── ${suite.name} ─────────────────────────────`);
  const run = spawnSync('npx', command, { cwd: path.join(root, suite.cwd), stdio: 'inherit', env });
  const counts = readCounts(suite.kind, report);
  if (!counts) {
    // A runner that crashed before reporting counts as one failure, never as a pass.
    lines.push(`${suite.name}: no report (exit ${run.status ?? run.signal}) — counted as 1 failed`);
    totals.failed += 1;
    continue;
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
}

console.log('\n── summary ─────────────────────────────');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);

function readCounts(kind, file) {
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (kind === 'vitest') {
    return {
      passed: json.numPassedTests ?? 0,
      failed: (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0) - countFailedSuitesWithFailedTests(json),
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  }
  const stats = json.stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}

// A file that failed to load has no failed tests of its own; count it once, and don't count a
// file twice when it merely contains failed tests.
function countFailedSuitesWithFailedTests(json) {
  return (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}
