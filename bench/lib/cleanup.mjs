// Everything the bench changes on the machine is undone here, in reverse
// order, whether the run ends normally, fails, or is interrupted: background
// sensors and daemons stopped, audit rules removed, temp dirs deleted.
// Actions are synchronous where it matters (kill, auditctl, rm), so the
// last-resort 'exit' hook can still run them; an action may return a promise
// to wait for a process to finish its own cleanup.

const actions = [];
let running;
let aborting = false;

/** True once a signal asked the bench to stop: nothing new may be started. */
export const isAborting = () => aborting;

/**
 * Registers an undo action. `run()` runs it now (once) and unregisters it;
 * `drop()` unregisters it unrun, when what it would undo is already gone.
 */
export function onCleanup(label, action) {
  const entry = { label, action };
  actions.push(entry);
  const drop = () => {
    const i = actions.indexOf(entry);
    if (i < 0) return false;
    actions.splice(i, 1);
    return true;
  };
  return { drop, run: async () => (drop() ? runOne(entry) : undefined) };
}

async function runOne(entry) {
  try {
    await entry.action();
  } catch (err) {
    process.stderr.write(`bench: cleanup '${entry.label}' failed: ${err?.message ?? err}\n`);
  }
}

/** Runs every pending action, newest first. Safe to call more than once. */
export function runCleanups() {
  running ??= (async () => {
    while (actions.length > 0) await runOne(actions.pop());
  })();
  return running;
}

/**
 * Ctrl-C, SIGTERM or SIGHUP: undo, then exit with 128 + signal. The
 * 'exit' hook is the last resort for a crash: it runs what can run
 * synchronously.
 */
export function installSignalHandlers() {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      aborting = true;
      process.stderr.write(`\nbench: ${signal}: cleaning up\n`);
      const hardStop = setTimeout(() => process.exit(code), 30_000);
      hardStop.unref();
      runCleanups().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    for (const entry of actions.splice(0).reverse()) {
      try {
        entry.action();
      } catch {
        /* best effort on the way out */
      }
    }
  });
}
