// `npm test`: checks the prerequisites, typechecks and lints every package, builds what the suites need (turbo,
// cached), then runs every suite — unit, integration (real SQLite and PostgreSQL), component tests in Chromium and
// browser end-to-end, and the multi-instance and fault suite — and ends with one line totalling them all: "N passed, N failed[, N skipped]".
//
// `npm test -- NAME…` runs only the named suites (typecheck and lint are suites too). A name that is not a suite, a
// missing prerequisite or a failed build still ends with the total line, counted as failures, never as a pass.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { missingPrerequisites } from './prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'test-results');

/** @type {{ name: string, kind: 'turbo' | 'vitest' | 'playwright', cwd?: string, task?: string, config?: string }[]} */
const SUITES = [
  { name: 'typecheck', kind: 'turbo', task: 'typecheck' },
  { name: 'lint', kind: 'turbo', task: 'lint' },
  { name: 'schema', kind: 'vitest', cwd: 'packages/schema' },
  { name: 'components', kind: 'vitest', cwd: 'packages/components' },
  { name: 'cms', kind: 'vitest', cwd: 'apps/cms' },
  { name: 'web', kind: 'vitest', cwd: 'apps/web' },
  { name: 'e2e', kind: 'playwright', cwd: 'tests' },
  { name: 'cluster', kind: 'playwright', cwd: 'tests', config: 'playwright.cluster.config.ts' },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function finish() {
  console.log('\n── summary ─────────────────────────────');
  for (const line of lines) console.log(line);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

function fail(what, reason) {
  lines.push(`${what}: ${reason} — counted as 1 failed`);
  totals.failed += 1;
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = process.argv.slice(2);
const unknown = only.filter((name) => !SUITES.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(`npm test: no suite named ${unknown.map((n) => JSON.stringify(n)).join(', ')} (suites: ${SUITES.map((s) => s.name).join(', ')})`);
  fail('suites', `unknown suite ${unknown.join(', ')}`);
  finish();
}
const suites = SUITES.filter((suite) => only.length === 0 || only.includes(suite.name));

const missing = missingPrerequisites({ install: true });
if (missing) {
  console.error(missing);
  fail('prerequisites', missing);
  finish();
}

const env = { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const checks = suites.filter((suite) => suite.kind === 'turbo');
const runners = suites.filter((suite) => suite.kind !== 'turbo');

for (const suite of checks) {
  console.log(`\n── ${suite.name} ─────────────────────────────`);
  const run = spawnSync('npx', ['turbo', 'run', suite.task, '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', env });
  if (run.status === 0) {
    totals.passed += 1;
    lines.push(`${suite.name}: 1 passed, 0 failed`);
  } else fail(suite.name, `exit ${run.status ?? run.signal}`);
}

if (runners.length > 0) {
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) {
    console.error('npm test: the build failed, so no suite ran');
    fail('build', `exit ${build.status ?? build.signal}`);
    finish();
  }
}

for (const suite of runners) {
  const report = path.join(reports, `${suite.name}.json`);
  const command =
    suite.kind === 'vitest'
      ? ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]
      : ['playwright', 'test', ...(suite.config ? ['--config', suite.config] : [])];
  console.log(`\n── ${suite.name} ─────────────────────────────`);
  const run = spawnSync('npx', command, {
    cwd: path.join(root, suite.cwd),
    stdio: 'inherit',
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  const counts = readCounts(suite.kind, report);
  if (!counts) {
    // A runner that crashed before reporting counts as one failure, never as a pass.
    fail(suite.name, `no report (exit ${run.status ?? run.signal})`);
    continue;
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  if (counts.passed + counts.failed === 0) counts.failed = 1; // a suite that ran nothing has not passed
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
}

finish();

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
