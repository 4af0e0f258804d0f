/**
 * Reads what the VM wrote on its results port (see initramfs.sh's init) and
 * prints, per suite, the mechanism each hook got and the checks that
 * failed. Exits 1 unless the VM finished and every suite passed.
 *
 * usage: node summarize.mjs KERNEL_PACKAGE RESULTS_LOG
 */
import { existsSync, readFileSync } from 'node:fs';

const EXPECTED_SUITES = ['default', 'no-function-hooks'];

function parse(text) {
  const info = {};
  const suites = [];
  let done = false;
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const m = /^CS-VM (info|result|done)\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'done') done = true;
    else if (m[1] === 'info') {
      const [key, ...rest] = m[2].split(' ');
      info[key] = rest.join(' ');
    } else {
      const r = /^(\S+) rc=(\d+) seconds=(\d+) ?(.*)$/.exec(m[2]);
      if (!r) continue;
      let result;
      try {
        result = r[4] ? JSON.parse(r[4]) : undefined;
      } catch {
        result = undefined;
      }
      suites.push({ label: r[1], rc: Number(r[2]), seconds: Number(r[3]), result });
    }
  }
  return { info, suites, done };
}

function printSuite(s) {
  const r = s.result;
  const ok = s.rc === 0 && r?.ok === true;
  console.log(`  suite ${s.label}: ${ok ? 'PASS' : 'FAIL'} (rc=${s.rc}, ${s.seconds}s)`);
  if (!r) {
    console.log('    no result JSON (the checker crashed before writing it; see the console above)');
    return ok;
  }
  for (const h of r.plan) {
    console.log(`    ${h.hook.padEnd(20)} ${h.mechanism.padEnd(16)} ${h.target}`);
    for (const u of h.unavailable) console.log(`    ${''.padEnd(20)} not used: ${u}`);
  }
  const failed = r.checks.filter((c) => !c.ok);
  console.log(`    checks: ${r.checks.length - failed.length} passed, ${failed.length} failed`);
  for (const c of failed) console.log(`    FAIL ${c.name}: ${c.error}`);
  if (r.stderr) console.log(`    sensor stderr (tail):\n${r.stderr.replace(/^/gm, '      ')}`);
  return ok;
}

const [pkg, path] = process.argv.slice(2);
const { info, suites, done } = parse(existsSync(path) ? readFileSync(path, 'utf8') : '');
console.log(`== ${pkg}: kernel ${info.kernel ?? '?'}, lockdown ${info.lockdown || '?'}, lsm ${info.lsm || '?'}`);
let ok = done;
if (!done) console.log('  the VM did not finish (no "done" on the results port)');
if (info.lsm !== undefined && !info.lsm.split(',').includes('bpf')) {
  console.log('  BPF LSM is not active on this boot');
  ok = false;
}
for (const label of EXPECTED_SUITES) {
  const s = suites.find((x) => x.label === label);
  if (!s) {
    console.log(`  suite ${label}: FAIL (no result)`);
    ok = false;
  } else if (!printSuite(s)) ok = false;
}
console.log(`  ${pkg}: ${ok ? 'PASS' : 'FAIL'}`);
process.exit(ok ? 0 : 1);
