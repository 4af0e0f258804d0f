import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);

// src/cli/args.ts
var UsageError = class extends Error {
};
var DEFAULT_STATE_DIR = "/run/cicd-sensor";
var USAGE = `usage: cicd-sensor run [options] -- COMMAND [ARGS...]
       cicd-sensor daemon [--state-dir DIR] [--detach] [--ringbuf-size BYTES] [--no-function-hooks]
                          [--no-docker-proxy] [--docker-upstream PATH] [--interpose-docker]
       cicd-sensor daemon stop|stats|kill [--state-dir DIR]
       cicd-sensor job register [--state-dir DIR] --id ID (--cgroup PATH | --pid PID)
                                [--name N] [--workflow W] [--repository R] [--run-id N] [--run-attempt N]
       cicd-sensor job unregister [--state-dir DIR] --id ID
       cicd-sensor report --job-dir DIR

run: runs COMMAND in a fresh cgroup with the eBPF sensor watching it, then
writes DIR/events.ndjson, DIR/summary.md and DIR/report.json and prints a
summary. Exits with COMMAND's exit code.

  --out DIR              where to write the report (default: ./cicd-sensor-report)
  --ringbuf-size BYTES   kernel ring buffer size, a power of two (default: 16777216)
  --summary-rows N       rows per table in summary.md (default: 50)
  --no-function-hooks    use the tracepoint fallbacks even where fentry works
  --allow-unmonitored    run COMMAND even when the sensor cannot start, and say so
  --no-docker-proxy      leave DOCKER_HOST alone: containers COMMAND starts are not attributed
  -h, --help             show this help

report: rebuilds DIR/report.json and DIR/summary.md from DIR/events.ndjson
(for a job whose daemon is gone; says so when the run ended early).

daemon: the long-lived tracker (root) for many jobs, controlled through
DIR/control.sock (default DIR: ${DEFAULT_STATE_DIR}); each job's events go
to DIR/jobs/<id>/events.ndjson. \`daemon kill\` is for a daemon that no longer
answers: SIGKILL, then its docker socket interposition and sockets undone.

exit codes: COMMAND's own; 2 usage error; 3 the sensor cannot run here;
4 the daemon refused a request or cannot be reached.`;
var missing = (flag, kind) => new UsageError(`${flag} needs ${kind === "dir" ? "a directory" : "a value"}`);
var powerOfTwo = (n) => n >= 4096 && n <= 1 << 30 && (n & n - 1) === 0;
function intArg(flag, value, check, what) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || !check(n)) {
    throw new UsageError(`${flag}: '${value}' is not ${what}`);
  }
  return n;
}
function convert(flag, kind, value) {
  switch (kind) {
    case "ringbuf":
      return intArg(flag, value, powerOfTwo, "a power of two between 4096 and 1073741824");
    case "rows":
      return intArg(flag, value, (n) => n >= 1 && n <= 1e4, "a number from 1 to 10000");
    case "pid":
      return intArg(flag, value, (n) => n >= 1 && n <= 4194304, "a process id");
    default:
      if (!value) throw missing(flag, kind);
      return value;
  }
}
function scan(args, spec, stopAtPositional) {
  const values = /* @__PURE__ */ new Map();
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-")) {
      if (stopAtPositional) break;
      throw new UsageError(`unexpected argument '${arg}'`);
    }
    if (arg === "-h" || arg === "--help") return { values, rest: [], help: true };
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : void 0;
    const kind = spec[flag];
    if (!kind) throw new UsageError(`unknown option '${arg}'`);
    if (kind === "flag") {
      if (inline !== void 0) throw new UsageError(`${flag} takes no value`);
      values.set(flag, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === void 0) throw missing(flag, kind);
    values.set(flag, convert(flag, kind, value));
  }
  return { values, rest: args.slice(i), help: false };
}
var RUN_SPEC = {
  "--out": "dir",
  "--ringbuf-size": "ringbuf",
  "--summary-rows": "rows",
  "--no-function-hooks": "flag",
  "--allow-unmonitored": "flag",
  "--no-docker-proxy": "flag"
};
function parseRun(args) {
  const { values, rest, help } = scan(args, RUN_SPEC, true);
  if (help) return { help: true };
  if (rest.length === 0) throw new UsageError("no command given to run");
  return {
    help: false,
    subcommand: "run",
    options: {
      outDir: values.get("--out") ?? "cicd-sensor-report",
      ringbufBytes: values.get("--ringbuf-size") ?? 16 << 20,
      summaryRows: values.get("--summary-rows") ?? 50,
      noFunctionHooks: values.has("--no-function-hooks"),
      allowUnmonitored: values.has("--allow-unmonitored"),
      dockerProxy: !values.has("--no-docker-proxy"),
      command: rest
    }
  };
}
var DAEMON_SPEC = {
  "--state-dir": "dir",
  "--detach": "flag",
  "--ringbuf-size": "ringbuf",
  "--no-function-hooks": "flag",
  "--no-docker-proxy": "flag",
  "--docker-upstream": "string",
  "--interpose-docker": "flag"
};
function parseDaemon(args) {
  const [action] = args;
  if (action === "stop" || action === "stats" || action === "kill") {
    const { values: values2, help: help2 } = scan(args.slice(1), { "--state-dir": "dir" }, false);
    if (help2) return { help: true };
    return { help: false, subcommand: `daemon-${action}`, stateDir: values2.get("--state-dir") ?? DEFAULT_STATE_DIR };
  }
  if (action !== void 0 && !action.startsWith("-") && action !== "start") {
    throw new UsageError(`unknown daemon action '${action}' (start, stop, stats or kill)`);
  }
  const { values, help } = scan(action === "start" ? args.slice(1) : args, DAEMON_SPEC, false);
  if (help) return { help: true };
  return {
    help: false,
    subcommand: "daemon",
    options: {
      stateDir: values.get("--state-dir") ?? DEFAULT_STATE_DIR,
      detach: values.has("--detach"),
      ringbufBytes: values.get("--ringbuf-size") ?? 16 << 20,
      noFunctionHooks: values.has("--no-function-hooks"),
      dockerProxy: !values.has("--no-docker-proxy"),
      dockerUpstream: values.get("--docker-upstream"),
      interposeDocker: values.has("--interpose-docker")
    }
  };
}
function daemonArgs(o) {
  const args = ["--state-dir", o.stateDir, "--ringbuf-size", String(o.ringbufBytes)];
  if (o.noFunctionHooks) args.push("--no-function-hooks");
  if (!o.dockerProxy) args.push("--no-docker-proxy");
  if (o.dockerUpstream) args.push("--docker-upstream", o.dockerUpstream);
  if (o.interposeDocker) args.push("--interpose-docker");
  return args;
}
var IDENTITY_FLAGS = {
  "--name": "name",
  "--workflow": "workflow",
  "--repository": "repository",
  "--run-id": "run_id",
  "--run-attempt": "run_attempt"
};
function parseJob(args) {
  const [action, ...rest] = args;
  if (action === "register") {
    const spec = { "--state-dir": "dir", "--id": "string", "--cgroup": "string", "--pid": "pid" };
    for (const f of Object.keys(IDENTITY_FLAGS)) spec[f] = "string";
    const { values, help } = scan(rest, spec, false);
    if (help) return { help: true };
    const id = values.get("--id");
    if (!id) throw new UsageError("job register needs --id");
    const cgroup = values.get("--cgroup");
    const pid = values.get("--pid");
    if (cgroup === void 0 === (pid === void 0)) throw new UsageError("job register needs exactly one of --cgroup or --pid");
    const job = { id };
    for (const [flag, field] of Object.entries(IDENTITY_FLAGS)) {
      const v = values.get(flag);
      if (typeof v === "string") job[field] = v;
    }
    return { help: false, subcommand: "job-register", stateDir: values.get("--state-dir") ?? DEFAULT_STATE_DIR, job, cgroup, pid };
  }
  if (action === "unregister") {
    const { values, help } = scan(rest, { "--state-dir": "dir", "--id": "string" }, false);
    if (help) return { help: true };
    const id = values.get("--id");
    if (!id) throw new UsageError("job unregister needs --id");
    return { help: false, subcommand: "job-unregister", stateDir: values.get("--state-dir") ?? DEFAULT_STATE_DIR, id };
  }
  throw new UsageError(action === void 0 ? "job needs an action (register or unregister)" : `unknown job action '${action}'`);
}
function parseArgs(argv) {
  if (argv.length === 0) throw new UsageError("no subcommand given");
  const [sub, ...rest] = argv;
  switch (sub) {
    case "-h":
    case "--help":
    case "help":
      return { help: true };
    case "run":
      return parseRun(rest);
    case "daemon":
      return parseDaemon(rest);
    case "job":
      return parseJob(rest);
    case "report": {
      const { values, help } = scan(rest, { "--job-dir": "dir" }, false);
      if (help) return { help: true };
      const jobDir = values.get("--job-dir");
      if (!jobDir) throw new UsageError("report needs --job-dir");
      return { help: false, subcommand: "report", jobDir };
    }
    default:
      throw new UsageError(`unknown subcommand '${sub}'`);
  }
}

// src/daemon/client.ts
import net from "node:net";
import { join } from "node:path";
var controlSocketPath = (stateDir) => join(stateDir, "control.sock");
var DaemonUnavailable = class extends Error {
};
function request(stateDir, req, timeoutMs = 3e4) {
  const path = controlSocketPath(stateDir);
  return new Promise((resolve2, reject) => {
    const sock = net.connect(path);
    let buffered = "";
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new DaemonUnavailable(`no reply from the daemon at ${path} within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.setEncoding("utf8");
    sock.on("connect", () => sock.write(JSON.stringify(req) + "\n"));
    sock.on("data", (chunk) => {
      buffered += chunk;
      const nl = buffered.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      sock.end();
      try {
        resolve2(JSON.parse(buffered.slice(0, nl)));
      } catch {
        reject(new Error("the daemon sent an unreadable reply"));
      }
    });
    sock.on("error", (err) => {
      clearTimeout(timer);
      reject(new DaemonUnavailable(`cannot reach the daemon at ${path}: ${err.code ?? err.message}`));
    });
    sock.on("close", () => {
      clearTimeout(timer);
      reject(new DaemonUnavailable(`the daemon at ${path} closed the connection without a reply`));
    });
  });
}

// src/daemon/detach.ts
import { spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
var READY_TIMEOUT_MS = 3e4;
function trackerEntry() {
  return join2(dirname(fileURLToPath(import.meta.url)), "tracker.js");
}
function logTail(path) {
  try {
    return readFileSync(path, "utf8").trim().split("\n").slice(-5).join("\n");
  } catch {
    return "";
  }
}
function startDetached(opts, entry = trackerEntry()) {
  mkdirSync(opts.stateDir, { recursive: true, mode: 448 });
  const logPath = join2(opts.stateDir, "daemon.log");
  const args = [entry, ...daemonArgs(opts)];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", openSync(logPath, "a")]
  });
  return new Promise((resolve2) => {
    let out = "";
    const finish = (result) => {
      clearTimeout(timer);
      child.stdout?.destroy();
      child.unref();
      resolve2(result);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish({ ok: false, message: `the daemon did not become ready within ${READY_TIMEOUT_MS / 1e3} s
${logTail(logPath)}` });
    }, READY_TIMEOUT_MS);
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n")[0] ?? "";
      if (!out.includes("\n")) return;
      if (line.startsWith("ready")) finish({ ok: true, pid: child.pid, message: line });
      else finish({ ok: false, message: line.replace(/^error:\s*/, "") });
    });
    child.on("exit", (code) => {
      finish({ ok: false, message: `the daemon exited (code ${code}) before it was ready
${logTail(logPath)}` });
    });
  });
}

// src/daemon/kill.ts
import { rmSync as rmSync3 } from "node:fs";
import { join as join5 } from "node:path";

// src/proxy/interpose.ts
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync as readFileSync2, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join as join3 } from "node:path";
var recordPath = (stateDir) => join3(stateDir, "interpose.json");
function mountPoints() {
  return readFileSync2("/proc/self/mountinfo", "utf8").split("\n").filter(Boolean).map((line) => line.split(" ")[4].replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8))));
}
function unmountAll(path) {
  for (let i = 0; i < 16 && mountPoints().includes(path); i++) execFileSync("umount", [path]);
}
function bind(source, target) {
  execFileSync("mount", ["--bind", source, target]);
}
function repairInterposition(stateDir) {
  const path = recordPath(stateDir);
  if (!existsSync(path)) return void 0;
  const rec = JSON.parse(readFileSync2(path, "utf8"));
  unmountAll(rec.defaultPath);
  unmountAll(rec.upstreamPath);
  rmSync(rec.upstreamPath, { force: true });
  rmSync(path, { force: true });
  return rec;
}
function interpose(stateDir, defaultPath, proxyPath) {
  const real = realpathSync(defaultPath);
  const rec = { defaultPath: real, upstreamPath: join3(stateDir, "docker.upstream.sock") };
  writeFileSync(recordPath(stateDir), JSON.stringify(rec) + "\n");
  writeFileSync(rec.upstreamPath, "");
  try {
    bind(real, rec.upstreamPath);
    bind(proxyPath, real);
  } catch (err) {
    repairInterposition(stateDir);
    throw err;
  }
  return rec;
}

// src/daemon/instance.ts
import { readFileSync as readFileSync3, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join4 } from "node:path";
var pidfilePath = (stateDir) => join4(stateDir, "daemon.pid");
var AlreadyRunning = class extends Error {
};
function isLiveDaemon(pid) {
  try {
    const cmdline = readFileSync3(`/proc/${pid}/cmdline`, "utf8");
    return /cicd-sensor|tracker\.js|cli\.js/.test(cmdline);
  } catch {
    return false;
  }
}
function recordedPid(stateDir) {
  try {
    const pid = Number(readFileSync3(pidfilePath(stateDir), "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : void 0;
  } catch {
    return void 0;
  }
}
function acquireInstance(stateDir) {
  const path = pidfilePath(stateDir);
  const existing = recordedPid(stateDir);
  if (existing && existing !== process.pid && isLiveDaemon(existing)) {
    throw new AlreadyRunning(`a cicd-sensor daemon (pid ${existing}) already runs on ${stateDir}`);
  }
  rmSync2(path, { force: true });
  writeFileSync2(path, `${process.pid}
`, { flag: "wx", mode: 420 });
}
function releaseInstance(stateDir) {
  try {
    if (Number(readFileSync3(pidfilePath(stateDir), "utf8").trim()) === process.pid) rmSync2(pidfilePath(stateDir));
  } catch {
  }
}

// src/daemon/kill.ts
async function gone(pid, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isLiveDaemon(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !isLiveDaemon(pid);
}
async function killDaemon(stateDir) {
  const pid = recordedPid(stateDir);
  let killed;
  if (pid !== void 0 && pid !== process.pid && isLiveDaemon(pid)) {
    process.kill(pid, "SIGKILL");
    if (!await gone(pid, 1e4)) throw new Error(`daemon pid ${pid} survived SIGKILL for 10 s`);
    killed = pid;
  }
  const repairedDocker = repairInterposition(stateDir) !== void 0;
  for (const name of ["ready", "control.sock", "docker.sock"]) rmSync3(join5(stateDir, name), { force: true });
  rmSync3(pidfilePath(stateDir), { force: true });
  return { killed, repairedDocker };
}

// src/daemon/main.ts
import { join as join13 } from "node:path";

// src/daemon/daemon.ts
import { chmodSync as chmodSync3, mkdirSync as mkdirSync4, readdirSync as readdirSync2, rmdirSync as rmdirSync4, rmSync as rmSync7, writeFileSync as writeFileSync6 } from "node:fs";
import { join as join12 } from "node:path";

// src/native/sensor.ts
import { constants as osConstants } from "node:os";

// src/kernel/layout.ts
var RECORDS_ABI = 1;
var STAGING_KEY_MAX = 80;
var Kind = {
  EXEC: 1,
  FORK: 2,
  EXIT: 3,
  CGROUP: 4,
  CONNECT: 5,
  FILE_OPEN: 6,
  FILE_OP: 7,
  UNIX_CONNECT: 8,
  DOMAIN: 9
};
var HOOK_NAMES = [
  "process_exec",
  "process_fork",
  "process_exit",
  "cgroup_tracking",
  "network_connect",
  "udp_sendmsg",
  "file_open",
  "file_remove",
  "file_move",
  "file_link",
  "unix_socket_connect",
  "domain"
];
var Flag = {
  ARGV_TRUNCATED: 1 << 0,
  PATH_TRUNCATED: 1 << 1,
  PATH2_TRUNCATED: 1 << 2,
  CWD_TRUNCATED: 1 << 3,
  ANSWERS_TRUNCATED: 1 << 4
};
var CgroupOp = { MKDIR: 1, RMDIR: 2, ATTACH: 3, PROMOTE: 4 };
var Access = { READ: 1, WRITE: 2, READ_WRITE: 3, EXEC: 4 };
var PathEnc = { NONE: 0, COMPONENTS: 1, STRING: 2 };
var FileOp = { UNLINK: 1, RMDIR: 2, RENAME: 3, LINK: 4, SYMLINK: 5 };
var DomainSource = { DNS_QUERY: 1, DNS_ANSWER: 2, TLS_SNI: 3, HTTP_HOST: 4, RESOLVED: 5 };
var RESOLVED_SOCKET = "/run/systemd/resolve/io.systemd.Resolve";
var AnswerType = { A: 1, AAAA: 2, CNAME: 3 };
var DOMAIN_NAME_MAX = 253;
var OFFSETS = {
  cs_header: { kind: 0, size: 2, pid: 4, tid: 8, flags: 12, time_ns: 16, cgroup_id: 24, start_time_ns: 32 },
  cs_exec: { ppid: 40, uid: 44, parent_start_time_ns: 48, path_len: 56, argv_len: 58, cwd_len: 60 },
  cs_fork: { ppid: 40, uid: 44, parent_start_time_ns: 48 },
  cs_exit: { exit_code: 40 },
  cs_cgroup: { id: 40, parent_id: 48, op: 56, name_len: 60 },
  cs_connect: { protocol: 40, family: 41, port: 42, via_sendmsg: 44, addr: 48 },
  cs_file_open: { open_flags: 40, access: 44, path_enc: 45, path_len: 46 },
  cs_file_op: { op: 40, op_flags: 44, path_len: 48, base_len: 50, path2_len: 52, base2_len: 54 },
  cs_unix_connect: { path_len: 40 },
  cs_domain: {
    source: 40,
    protocol: 41,
    family: 42,
    rcode: 43,
    port: 44,
    qtype: 46,
    txid: 48,
    name_len: 50,
    answers_len: 52,
    addr: 56
  }
};
var SIZEOF = {
  cs_header: 40,
  cs_exec: 64,
  cs_fork: 56,
  cs_exit: 48,
  cs_cgroup: 64,
  cs_connect: 64,
  cs_file_open: 48,
  cs_file_op: 56,
  cs_unix_connect: 48,
  cs_domain: 72
};

// src/native/assets.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname2, join as join6, resolve } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function assetsDir() {
  const override = process.env.CICD_SENSOR_ASSETS;
  if (override) return resolve(override);
  const here = dirname2(fileURLToPath2(import.meta.url));
  for (const candidate of [here, resolve(here, "../../dist")]) {
    if (existsSync2(join6(candidate, "lib", "libcicdsensor.so"))) return candidate;
  }
  throw new Error(`cicd-sensor assets not found next to ${here}; run 'npm run build'`);
}
var libraryPath = () => join6(assetsDir(), "lib", "libcicdsensor.so");
var bpfObjectPath = () => join6(assetsDir(), "sensor.bpf.o");

// node_modules/koffi/src/koffi/index.js
import util from "node:util";
import fs2 from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import fs from "node:fs";

// node_modules/koffi/src/koffi/src/static.js
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
function loadStatic(pkg2) {
  let native2 = null;
  if (pkg2 == "linux-arm") {
    try {
      native2 = require2("@koromix/koffi-linux-arm");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-arm64") {
    try {
      native2 = require2("@koromix/koffi-linux-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-ia32") {
    try {
      native2 = require2("@koromix/koffi-linux-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-x64") {
    try {
      native2 = require2("@koromix/koffi-linux-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-riscv64") {
    try {
      native2 = require2("@koromix/koffi-linux-riscv64");
    } catch (err) {
    }
  }
  if (pkg2 == "freebsd-ia32") {
    try {
      native2 = require2("@koromix/koffi-freebsd-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "freebsd-x64") {
    try {
      native2 = require2("@koromix/koffi-freebsd-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "freebsd-arm64") {
    try {
      native2 = require2("@koromix/koffi-freebsd-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "openbsd-ia32") {
    try {
      native2 = require2("@koromix/koffi-openbsd-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "openbsd-x64") {
    try {
      native2 = require2("@koromix/koffi-openbsd-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "win32-ia32") {
    try {
      native2 = require2("@koromix/koffi-win32-ia32");
    } catch (err) {
    }
  }
  if (pkg2 == "win32-x64") {
    try {
      native2 = require2("@koromix/koffi-win32-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "win32-arm64") {
    try {
      native2 = require2("@koromix/koffi-win32-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "darwin-x64") {
    try {
      native2 = require2("@koromix/koffi-darwin-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "darwin-arm64") {
    try {
      native2 = require2("@koromix/koffi-darwin-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-loong64") {
    try {
      native2 = require2("@koromix/koffi-linux-loong64");
    } catch (err) {
    }
  }
  if (pkg2 == "android-arm64") {
    try {
      native2 = require2("@koromix/koffi-android-arm64");
    } catch (err) {
    }
  }
  if (pkg2 == "android-x64") {
    try {
      native2 = require2("@koromix/koffi-android-x64");
    } catch (err) {
    }
  }
  if (pkg2 == "linux-ppc64") {
    try {
      native2 = require2("@koromix/koffi-linux-ppc64");
    } catch (err) {
    }
  }
  if (pkg2 == "openbsd-arm64") {
    try {
      native2 = require2("@koromix/koffi-openbsd-arm64");
    } catch (err) {
    }
  }
  return native2;
}

// node_modules/koffi/src/koffi/index.js
function determineAbi() {
  let abi = process.arch.toString();
  if (abi == "riscv32" || abi == "riscv64") {
    let file = openFile(process.execPath, "r");
    try {
      let header2 = readElfHeader(file);
      let float_abi = header2.e_flags & 6;
      switch (float_abi) {
        case 0:
          {
          }
          break;
        case 2:
          {
            abi += "f";
          }
          break;
        case 4:
          {
            abi += "d";
          }
          break;
        case 6:
          {
            abi += "q";
          }
          break;
      }
    } finally {
      file.close();
    }
  } else if (abi == "arm") {
    let file = openFile(process.execPath, "r");
    try {
      let header2 = readElfHeader(file);
      if (header2.e_flags & 1024) {
        abi += "hf";
      } else if (header2.e_flags & 512) {
        abi += "sf";
      } else {
        throw new Error("Unknown ARM floating-point ABI");
      }
    } finally {
      file.close();
    }
  } else if (abi == "ppc64") {
    let file = openFile(process.execPath, "r");
    try {
      let header2 = readElfHeader(file);
      switch (header2.ei_data) {
        case 1:
          {
            abi += "le";
          }
          break;
        case 2:
          {
            abi += "be";
          }
          break;
        default:
          throw new Error("Invalid ELF endianness value");
      }
    } finally {
      file.close();
    }
  }
  return abi;
}
function readElfHeader(file, offset = 0) {
  let buf = file.read(offset, 512);
  if (buf.length < 16)
    throw new Error("Truncated header");
  if (buf[0] != 127 || buf[1] != 69 || buf[2] != 76 || buf[3] != 70)
    throw new Error("Invalid magic number");
  if (buf[6] != 1)
    throw new Error("Invalid ELF version");
  if (buf[5] != 1)
    throw new Error("Big-endian architectures are not supported");
  switch (buf[4]) {
    case 1:
      {
        if (buf.length < 68)
          throw new Error("Truncated ELF header");
        return {
          ei_class: 32,
          ei_data: buf[5],
          e_machine: buf.readUInt16LE(18),
          e_flags: buf.readUInt32LE(36),
          e_phoff: buf.readUInt32LE(28),
          e_phentsize: buf.readUInt16LE(42),
          e_phnum: buf.readUInt16LE(44)
        };
      }
      break;
    case 2:
      {
        if (buf.length < 120)
          throw new Error("Truncated ELF header");
        return {
          ei_class: 64,
          ei_data: buf[5],
          e_machine: buf.readUInt16LE(18),
          e_flags: buf.readUInt32LE(48),
          e_phoff: buf.readBigUInt64LE(32),
          e_phentsize: buf.readUInt16LE(54),
          e_phnum: buf.readUInt16LE(56)
        };
      }
      break;
    default:
      throw new Error("Invalid ELF class");
  }
}
function openFile(filename, flags) {
  let fd = fs.openSync(filename, flags);
  return new FileHandle(fd);
}
var FileHandle = class {
  constructor(fd) {
    this.fd = fd;
  }
  close() {
    fs.closeSync(this.fd);
  }
  [Symbol.dispose]() {
    fs.closeSync(this.fd);
  }
  read(offset, len) {
    let buf = Buffer.allocUnsafe(len);
    let read = fs.readSync(this.fd, buf, 0, len, offset);
    return buf.subarray(0, read);
  }
};
var package_default = { name: "koffi", version: "3.3.4", cnoke: { api: "../../vendor/node-api-headers", output: "../../bin/Koffi/{{ toolchain }}", node: 16, napi: 8 } };
var require22 = createRequire2(import.meta.url);
function detectPlatform() {
  if (process.versions.napi == null || process.versions.napi < package_default.cnoke.napi) {
    let major = parseInt(process.versions.node, 10);
    throw new Error(`This engine is based on Node ${process.versions.node}, but ${package_default.name} does not support the Node ${major}.x branch (Node-API < ${package_default.cnoke.napi})`);
  }
  let abi = determineAbi();
  let pkg2 = `${process.platform}-${process.arch}`;
  let triplets2 = [`${process.platform}_${abi}`];
  if (process.platform == "linux")
    triplets2.push(`musl_${abi}`);
  return [package_default.version, pkg2, triplets2];
}
function loadDynamic(dirname3, pkg2, triplets2) {
  let suffix = "/../../build/koffi";
  let root = dirname3 + suffix;
  let roots = [root];
  let native2 = null;
  let err = null;
  if (process["resourcesPath"] != null) {
    let suffixes = [
      "/koffi",
      "/koffi/build",
      "/node_modules/koffi/build"
    ];
    for (let suffix2 of suffixes)
      roots.push(process["resourcesPath"] + suffix2);
  }
  let names = [
    `${import.meta.dirname}/../../../@koromix/koffi-${pkg2}`,
    ...triplets2.flatMap((triplet) => roots.map((dir) => `${dir}/${triplet}/koffi.node`))
  ];
  for (let name of names) {
    if (!fs2.existsSync(name))
      continue;
    try {
      native2 = require22(name);
      break;
    } catch (e) {
      err ??= e;
    }
  }
  if (native2 == null && err != null)
    throw err;
  return native2;
}
function wrapNative(native2, version2) {
  if (native2 == null)
    throw new Error("Cannot find the native Koffi module; did you bundle it correctly?");
  if (native2.version != version2)
    throw new Error("Mismatched native Koffi modules");
  let load = native2.load;
  let register2 = native2.register;
  native2.register = (...args) => {
    if (args.length >= 3 && typeof args[1] == "function") {
      process.emitWarning("Using koffi.register() with a custom this value was deprecated in Koffi 2.17, use function.bind() instead", "DeprecationWarning", "KOFFI009");
      args[1] = args[1].bind(args[0]);
      args = args.slice(1);
    }
    return register2(...args);
  };
  native2.load = (...args) => {
    let lib = load(...args);
    lib.cdecl = util.deprecate((...args2) => lib.func("__cdecl", ...args2), "The koffi.cdecl() function was deprecated in Koffi 2.7, use koffi.func(...) instead", "KOFFI003");
    lib.stdcall = util.deprecate((...args2) => lib.func("__stdcall", ...args2), 'The koffi.stdcall() function was deprecated in Koffi 2.7, use koffi.func("__stdcall", ...) instead', "KOFFI004");
    lib.fastcall = util.deprecate((...args2) => lib.func("__fastcall", ...args2), 'The koffi.fastcall() function was deprecated in Koffi 2.7, use koffi.func("__fastcall", ...) instead', "KOFFI005");
    lib.thiscall = util.deprecate((...args2) => lib.func("__thiscall", ...args2), 'The koffi.thiscall() function was deprecated in Koffi 2.7, use koffi.func("__thiscall", ...) instead', "KOFFI006");
    return lib;
  };
  native2.resolve = util.deprecate(native2.type, "The koffi.resolve() function was deprecated in Koffi 3.0, use koffi.type() instead", "KOFFI007");
  native2.introspect = util.deprecate(native2.type, "The koffi.introspect() function was deprecated in Koffi 3.0, use koffi.type() instead", "KOFFI008");
}
var [version, pkg, triplets] = detectPlatform();
var native = loadStatic(pkg) ?? loadDynamic(import.meta.dirname, pkg, triplets);
wrapNative(native, version);
var mod_LibraryHandle = native.LibraryHandle;
var mod_TypeObject = native.TypeObject;
var mod_Union = native.Union;
var mod_address = native.address;
var mod_alias = native.alias;
var mod_alignof = native.alignof;
var mod_alloc = native.alloc;
var mod_array = native.array;
var mod_as = native.as;
var mod_call = native.call;
var mod_config = native.config;
var mod_decode = native.decode;
var mod_disposable = native.disposable;
var mod_encode = native.encode;
var mod_enumeration = native.enumeration;
var mod_errno = native.errno;
var mod_extension = native.extension;
var mod_free = native.free;
var mod_in = native.in;
var mod_inout = native.inout;
var mod_introspect = native.introspect;
var mod_load = native.load;
var mod_node = native.node;
var mod_offsetof = native.offsetof;
var mod_opaque = native.opaque;
var mod_os = native.os;
var mod_out = native.out;
var mod_pack = native.pack;
var mod_pointer = native.pointer;
var mod_proto = native.proto;
var mod_register = native.register;
var mod_reset = native.reset;
var mod_resolve = native.resolve;
var mod_sizeof = native.sizeof;
var mod_stats = native.stats;
var mod_struct = native.struct;
var mod_type = native.type;
var mod_types = native.types;
var mod_union = native.union;
var mod_unregister = native.unregister;
var mod_version = native.version;
var mod_view = native.view;
var index_default = native;

// src/native/ffi.ts
var NATIVE_ABI = 1;
var api;
function nativeApi() {
  if (api) return api;
  const lib = index_default.load(libraryPath());
  index_default.opaque("cs_sensor");
  const f = (decl) => lib.func(decl);
  const poll = f("int cs_poll(cs_sensor *s, uint8_t *buf, uint32_t len, int timeout_ms)");
  const loaded = {
    cs_abi_version: f("int cs_abi_version(void)"),
    cs_records_version: f("int cs_records_version(void)"),
    cs_open: f("cs_sensor *cs_open(const char *obj_path, uint32_t ringbuf_bytes, uint32_t self_tgid, uint32_t flags, _Out_ int *err)"),
    cs_attach: f("int cs_attach(cs_sensor *s, const char *cgroup_root, _Out_ uint8_t *plan, uint32_t plan_len)"),
    cs_track_cgroup: f("int cs_track_cgroup(cs_sensor *s, uint64_t cgroup_id)"),
    cs_untrack_cgroup: f("int cs_untrack_cgroup(cs_sensor *s, uint64_t cgroup_id)"),
    cs_track_task: f("int cs_track_task(cs_sensor *s, uint32_t tgid, uint64_t start_time_ns)"),
    cs_untrack_task: f("int cs_untrack_task(cs_sensor *s, uint32_t tgid)"),
    cs_stage: f("int cs_stage(cs_sensor *s, const char *basename)"),
    cs_unstage: f("int cs_unstage(cs_sensor *s, const char *basename)"),
    cs_list_tracked: f("int cs_list_tracked(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)"),
    cs_list_staged: f("int cs_list_staged(cs_sensor *s, _Out_ uint8_t *out, uint32_t max)"),
    cs_poll: poll,
    cs_backlog: f("int64_t cs_backlog(cs_sensor *s)"),
    cs_map_id: f("int cs_map_id(cs_sensor *s, const char *name)"),
    cs_read_counters: f("int cs_read_counters(cs_sensor *s, _Out_ uint64_t *out, uint32_t max)"),
    cs_links_alive: f("int cs_links_alive(cs_sensor *s)"),
    cs_close: f("void cs_close(cs_sensor *s)"),
    cs_boot_to_realtime_ns: f("int64_t cs_boot_to_realtime_ns(void)"),
    cs_peer_pid: f("int cs_peer_pid(int fd)"),
    cs_test_skb: f("int cs_test_skb(cs_sensor *s, const char *prog, const uint8_t *frame, uint32_t len)"),
    cs_last_error: f("int cs_last_error(_Out_ uint8_t *buf, uint32_t len)"),
    pollAsync: (h, buf, len, timeoutMs) => new Promise((resolve2, reject) => {
      poll.async(h, buf, len, timeoutMs, (err, res) => err ? reject(err) : resolve2(res));
    })
  };
  if (loaded.cs_abi_version() !== NATIVE_ABI) {
    throw new Error(`${libraryPath()} speaks native ABI ${loaded.cs_abi_version()}, this build expects ${NATIVE_ABI}`);
  }
  api = loaded;
  return api;
}

// src/native/sensor.ts
var SensorError = class extends Error {
  constructor(message, errno) {
    super(message);
    this.errno = errno;
    this.name = "SensorError";
  }
  errno;
};
var errnoName = (errno) => Object.entries(osConstants.errno).find(([, v]) => v === errno)?.[0] ?? `errno ${errno}`;
function lastError(api2, rc) {
  const buf = Buffer.alloc(8192);
  const n = api2.cs_last_error(buf, buf.length);
  const text2 = n > 0 ? buf.subarray(0, n).toString("utf8") : errnoName(-rc);
  return new SensorError(text2, -rc);
}
var Sensor = class _Sensor {
  constructor(api2, handle) {
    this.api = api2;
    this.handle = handle;
  }
  api;
  handle;
  closed = false;
  polling = false;
  static open(opts) {
    const api2 = nativeApi();
    if (api2.cs_records_version() !== RECORDS_ABI) {
      throw new SensorError(`native library uses record layout ${api2.cs_records_version()}, decoder expects ${RECORDS_ABI}`, 0);
    }
    const err = [0];
    const flags = opts.noFunctionHooks ? 1 : 0;
    const h = api2.cs_open(opts.objectPath ?? bpfObjectPath(), opts.ringbufBytes, process.pid, flags, err);
    if (!h) throw lastError(api2, err[0] ?? -1);
    return new _Sensor(api2, h);
  }
  check(rc) {
    if (rc < 0) throw lastError(this.api, rc);
    return rc;
  }
  live() {
    if (this.closed) throw new SensorError("sensor is closed", 9);
    return this.handle;
  }
  /** Attaches every hook; returns the plan (which mechanism each hook got). */
  attach(cgroupRoot) {
    const buf = Buffer.alloc(64 * 1024);
    this.check(this.api.cs_attach(this.live(), cgroupRoot, buf, buf.length));
    const text2 = buf.subarray(0, buf.indexOf(0)).toString("utf8");
    if (process.env.CS_DEBUG_PLAN) console.error(text2);
    return JSON.parse(text2);
  }
  trackCgroup(id) {
    this.check(this.api.cs_track_cgroup(this.live(), id));
  }
  untrackCgroup(id) {
    this.check(this.api.cs_untrack_cgroup(this.live(), id));
  }
  trackTask(tgid, startNs) {
    this.check(this.api.cs_track_task(this.live(), tgid, startNs));
  }
  untrackTask(tgid) {
    this.check(this.api.cs_untrack_task(this.live(), tgid));
  }
  stage(basename2) {
    this.check(this.api.cs_stage(this.live(), basename2));
  }
  unstage(basename2) {
    this.check(this.api.cs_unstage(this.live(), basename2));
  }
  trackedCgroups(max = 16384) {
    const out = new BigUint64Array(max);
    const n = this.check(this.api.cs_list_tracked(this.live(), out, max));
    return Array.from(out.subarray(0, n));
  }
  stagedBasenames(max = 4096) {
    const out = Buffer.alloc(max * STAGING_KEY_MAX);
    const n = this.check(this.api.cs_list_staged(this.live(), out, max));
    const names = [];
    for (let i = 0; i < n; i++) {
      const key = out.subarray(i * STAGING_KEY_MAX, (i + 1) * STAGING_KEY_MAX);
      const end = key.indexOf(0);
      names.push(key.subarray(0, end < 0 ? key.length : end).toString("utf8"));
    }
    return names;
  }
  /** Kernel ids of the sensor's maps, for bpftool and diagnostics. */
  mapIds() {
    const names = ["tracked_cgroups", "tracked_tasks", "staging_map", "events", "counters"];
    return Object.fromEntries(names.map((n) => [n, this.check(this.api.cs_map_id(this.live(), n))]));
  }
  /** Copies whole records into buf without waiting; returns bytes written. */
  pollNow(buf) {
    return this.check(this.api.cs_poll(this.live(), buf, buf.length, 0));
  }
  /** Waits up to timeoutMs for records on a worker thread; returns bytes written. */
  async poll(buf, timeoutMs) {
    if (this.polling) throw new SensorError("poll already in progress", 16);
    this.polling = true;
    try {
      const rc = await this.api.pollAsync(this.live(), buf, buf.length, timeoutMs);
      if (rc < 0) throw new SensorError(`polling the ring buffer: ${errnoName(-rc)}`, -rc);
      return rc;
    } finally {
      this.polling = false;
    }
  }
  backlog() {
    return Number(this.api.cs_backlog(this.live()));
  }
  counters() {
    const out = new BigUint64Array(HOOK_NAMES.length * 3);
    this.check(this.api.cs_read_counters(this.live(), out, out.length));
    return HOOK_NAMES.map((hook, i) => ({
      hook,
      sent: Number(out[i * 3]),
      lost: Number(out[i * 3 + 1]),
      suppressed: Number(out[i * 3 + 2])
    }));
  }
  /** CLOCK_REALTIME - CLOCK_BOOTTIME in ns, for turning record times into wall-clock times. */
  static bootToRealtimeNs() {
    return Number(nativeApi().cs_boot_to_realtime_ns());
  }
  /** Runs a loaded packet program on one crafted Ethernet frame (BPF_PROG_TEST_RUN); returns its verdict. */
  testSkb(prog, frame) {
    return this.check(this.api.cs_test_skb(this.live(), prog, frame, frame.length));
  }
  linksAlive() {
    return this.api.cs_links_alive(this.live());
  }
  /** Detaches everything. Waits for nothing: callers stop polling first. */
  close() {
    if (this.closed) return;
    if (this.polling) throw new SensorError("close while a poll is running", 16);
    this.closed = true;
    this.api.cs_close(this.handle);
  }
};

// src/platform/cgroup.ts
import { existsSync as existsSync3, mkdirSync as mkdirSync2, readFileSync as readFileSync4, rmdirSync, statSync, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join7 } from "node:path";
function cgroup2RootFromMounts(mounts) {
  for (const line of mounts.split("\n")) {
    const [, mountPoint, fsType] = line.split(" ");
    if (fsType === "cgroup2" && mountPoint) return mountPoint.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
  }
  return void 0;
}
function cgroup2Root() {
  try {
    return cgroup2RootFromMounts(readFileSync4("/proc/mounts", "utf8"));
  } catch {
    return void 0;
  }
}
function cgroupId(path) {
  return statSync(path, { bigint: true }).ino;
}
function processCgroup(pid) {
  try {
    const line = readFileSync4(`/proc/${pid}/cgroup`, "utf8").split("\n").find((l) => l.startsWith("0::"));
    return line?.slice(3);
  } catch {
    return void 0;
  }
}
function createCgroup(root, relative) {
  const path = join7(root, relative);
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync2(path, { recursive: true });
      return path;
    } catch (err) {
      if (err.code !== "ENOENT" || attempt >= 3) throw err;
    }
  }
}
function cgroupProcs(path) {
  try {
    return readFileSync4(join7(path, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
function moveProcess(path, pid) {
  writeFileSync3(join7(path, "cgroup.procs"), `${pid}
`);
}
function removeCgroup(path) {
  if (!existsSync3(path)) return;
  const parent = join7(path, "..");
  for (const pid of cgroupProcs(path)) {
    try {
      moveProcess(parent, pid);
    } catch {
    }
  }
  rmdirSync(path);
}
function removeIfUnused(path) {
  try {
    rmdirSync(path);
  } catch {
  }
}

// src/tracker/kernelTracker.ts
import { existsSync as existsSync4 } from "node:fs";

// src/tracker/domains.ts
var ANSWER_WAIT_MS = 2e3;
var QUERY_TYPES = {
  1: "A",
  2: "NS",
  5: "CNAME",
  6: "SOA",
  12: "PTR",
  15: "MX",
  16: "TXT",
  28: "AAAA",
  33: "SRV",
  35: "NAPTR",
  43: "DS",
  48: "DNSKEY",
  64: "SVCB",
  65: "HTTPS",
  255: "ANY",
  257: "CAA"
};
function queryTypeName(qtype) {
  return QUERY_TYPES[qtype] ?? `TYPE${qtype}`;
}
var NUMERIC = /^[0-9.]+$/;
var heldKey = (s) => `${s.name}\0${s.qtype}`;
var processKey = (node) => `${node.pid}:${node.startNs}`;
var JobDomains = class {
  constructor(now) {
    this.now = now;
  }
  now;
  /** Per process (pid:start), the (source, name, type) keys it has had an event for. */
  seen = /* @__PURE__ */ new Map();
  /** Questions waiting for their answer, by name and query type (what an answer matches on). */
  held = /* @__PURE__ */ new Map();
  nameByAddress = /* @__PURE__ */ new Map();
  arrivals = 0;
  /** The name this job last resolved to address, if any. */
  nameOf(address) {
    return this.nameByAddress.get(address);
  }
  /**
   * A question, SNI or Host from a process; toEvent snapshots the process
   * now. Returns the event to deliver now; undefined for a repeat, a numeric
   * name, or a question held for its answer.
   */
  seenFrom(s, node, toEvent) {
    if (NUMERIC.test(s.name)) return void 0;
    const resolved = s.source === "resolved";
    const dns = s.source === "dns_query";
    const key = `${s.source}\0${s.name}\0${dns ? s.qtype : ""}`;
    let seen = this.seen.get(processKey(node));
    if (!seen) this.seen.set(processKey(node), seen = /* @__PURE__ */ new Set());
    if (seen.has(key)) return void 0;
    seen.add(key);
    const domain = {
      name: s.name,
      source: dns || resolved ? "dns" : s.source === "tls_sni" ? "tls_sni" : "http_host",
      ...dns ? { query_type: queryTypeName(s.qtype) } : {},
      server: resolved ? { address: s.address } : { address: s.address, port: s.port }
    };
    const event = { timeNs: s.timeNs, event: toEvent(domain) };
    if (!dns) return event;
    const waiting = this.held.get(heldKey(s)) ?? [];
    waiting.push({ ...event, pid: s.pid, heldAt: this.now(), order: this.arrivals++ });
    this.held.set(heldKey(s), waiting);
    return void 0;
  }
  /**
   * A response reaching the job: its addresses now name connects, and the
   * questions it answers (the same process's first, else any) go out with it.
   */
  answered(s) {
    for (const address of s.answers) this.nameByAddress.set(address, s.name);
    const waiting = this.held.get(heldKey(s));
    if (!waiting) return [];
    const own = waiting.filter((h) => h.pid === s.pid);
    const done = own.length ? own : waiting;
    const rest = waiting.filter((h) => !done.includes(h));
    if (rest.length) this.held.set(heldKey(s), rest);
    else this.held.delete(heldKey(s));
    return done.map((h) => {
      h.event.domain.answers = [...s.answers];
      if (s.cnames.length) h.event.domain.cnames = [...s.cnames];
      return { timeNs: h.timeNs, event: h.event };
    });
  }
  /** A process has exited: what it looked up no longer needs remembering. */
  forgetProcess(node) {
    this.seen.delete(processKey(node));
  }
  /** Processes with names remembered (for the mirror's sizes). */
  get processes() {
    return this.seen.size;
  }
  /** Questions whose answer did not come in time, in arrival order; every held one when all is set. */
  due(all = false) {
    const limit = this.now() - ANSWER_WAIT_MS;
    const out = [];
    for (const [key, waiting] of this.held) {
      const late = all ? waiting : waiting.filter((h) => h.heldAt <= limit);
      if (!late.length) continue;
      out.push(...late);
      if (late.length === waiting.length) this.held.delete(key);
      else this.held.set(key, waiting.filter((h) => h.heldAt > limit));
    }
    return out.sort((a, b) => a.order - b.order).map((h) => ({ timeNs: h.timeNs, event: h.event }));
  }
};

// src/kernel/openFlags.ts
var COMMON = [
  [64, "O_CREAT"],
  [128, "O_EXCL"],
  [256, "O_NOCTTY"],
  [512, "O_TRUNC"],
  [1024, "O_APPEND"],
  [2048, "O_NONBLOCK"],
  [4096, "O_DSYNC"],
  [8192, "O_ASYNC"],
  [262144, "O_NOATIME"],
  [524288, "O_CLOEXEC"],
  [1048576, "O_SYNC"],
  [2097152, "O_PATH"]
];
var X86 = [
  [16384, "O_DIRECT"],
  [32768, "O_LARGEFILE"],
  [65536, "O_DIRECTORY"],
  [131072, "O_NOFOLLOW"]
];
var ARM64 = [
  [16384, "O_DIRECTORY"],
  [32768, "O_NOFOLLOW"],
  [65536, "O_DIRECT"],
  [131072, "O_LARGEFILE"]
];
var TMPFILE_BIT = 4194304;
var named = /* @__PURE__ */ new Map();
function openFlagNames(flags, arch = process.arch) {
  const key = `${arch}:${flags}`;
  let names = named.get(key);
  if (names === void 0) {
    names = nameFlags(flags, arch);
    if (named.size < 4096) named.set(key, names);
  }
  return names;
}
function nameFlags(flags, arch) {
  const table2 = [...COMMON, ...arch === "arm64" ? ARM64 : X86];
  const names = [];
  const acc = flags & 3;
  names.push(["O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"][acc]);
  const tmpfile = (flags & TMPFILE_BIT) !== 0;
  for (const [bit, name] of table2) {
    if (name === "O_DIRECTORY" && tmpfile) continue;
    if (name === "O_DSYNC" && (flags & 1052672) === 1052672) continue;
    if (name === "O_SYNC" ? (flags & 1052672) === 1052672 : (flags & bit) !== 0) names.push(name);
  }
  if (tmpfile) names.push("O_TMPFILE");
  return names;
}

// src/kernel/text.ts
import { posix } from "node:path";
var strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function isAscii(buf, start, end) {
  for (let i = start; i < end; i++) if (buf[i] >= 128) return false;
  return true;
}
function escapeInvalid(buf) {
  let out = "";
  let i = 0;
  while (i < buf.length) {
    let j = i;
    while (j < buf.length && buf[j] < 128) j++;
    out += Buffer.from(buf.subarray(i, j)).toString("latin1");
    if (j >= buf.length) break;
    let decoded = false;
    for (const len of [4, 3, 2]) {
      if (j + len > buf.length) continue;
      try {
        out += strict.decode(buf.subarray(j, j + len));
        j += len;
        decoded = true;
        break;
      } catch {
      }
    }
    if (!decoded) {
      out += `\\x${buf[j].toString(16).padStart(2, "0")}`;
      j++;
    }
    i = j;
  }
  return out;
}
function bytesToText(buf, start, end) {
  if (isAscii(buf, start, end)) return buf.toString("latin1", start, end);
  const slice = buf.subarray(start, end);
  try {
    return strict.decode(slice);
  } catch {
    return escapeInvalid(slice);
  }
}
function splitNul(buf, start, end) {
  const out = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (buf[i] === 0) {
      out.push(bytesToText(buf, from, i));
      from = i + 1;
    }
  }
  if (from < end) out.push(bytesToText(buf, from, end));
  return out;
}
function componentsToPath(buf, start, end, truncated) {
  let parts;
  if (isAscii(buf, start, end)) {
    parts = buf.toString("latin1", start, end).split("\0");
    if (parts[parts.length - 1] === "") parts.pop();
    parts.reverse();
  } else {
    parts = splitNul(buf, start, end).reverse();
  }
  const path = "/" + parts.join("/");
  return truncated ? "/\u2026" + path : path;
}
function resolvePath(raw, base2) {
  const joined = posix.normalize(raw.startsWith("/") ? raw : posix.join(base2 ?? "/", raw));
  return joined.length > 1 && joined.endsWith("/") ? joined.slice(0, -1) : joined;
}

// src/tracker/eventBuilder.ts
var pad = (n, width) => String(n).padStart(width, "0");
var lastSecond = NaN;
var lastSecondText = "";
function rfc3339Micros(wallNs) {
  const micros = Math.floor(wallNs / 1e3);
  const second = Math.floor(micros / 1e6);
  if (second !== lastSecond) {
    lastSecond = second;
    lastSecondText = new Date(second * 1e3).toISOString().slice(0, 20);
  }
  return `${lastSecondText}${pad(micros - second * 1e6, 6)}Z`;
}
function processContext(node, bootToRealNs) {
  if (node.context) return node.context;
  const ctx = {
    pid: node.pid,
    ppid: node.ppid,
    exec_path: node.execPath,
    argv: node.argv,
    ancestors: node.ancestors
  };
  if (node.uid !== void 0) ctx.uid = node.uid;
  if (node.argvTruncated) ctx.argv_truncated = true;
  if (node.cwd) ctx.cwd = node.cwd;
  if (node.startNs) ctx.start_time = rfc3339Micros(node.startNs + bootToRealNs);
  if (node.ancestorsTruncated) ctx.ancestors_truncated = true;
  node.context = ctx;
  return ctx;
}
function exitFields(status) {
  const signal = status & 127;
  if (signal === 0) return { exit_code: status >> 8 & 255 };
  return { exit_code: 128 + signal, exit_signal: signal };
}
var ACCESS = {
  [Access.READ]: "read",
  [Access.WRITE]: "write",
  [Access.READ_WRITE]: "read_write",
  [Access.EXEC]: "exec"
};
function fileOpen(s) {
  const info = { path: s.path, access: ACCESS[s.access] ?? "read", flags: openFlagNames(s.openFlags) };
  if (s.flags & Flag.PATH_TRUNCATED) info.path_truncated = true;
  return info;
}
function fileOp(s) {
  const first = resolvePath(s.path.raw, s.path.base);
  const second = s.path2 ? resolvePath(s.path2.raw, s.path2.base) : void 0;
  const truncated = (s.flags & (Flag.PATH_TRUNCATED | Flag.PATH2_TRUNCATED)) !== 0;
  const extra = truncated ? { path_truncated: true } : {};
  switch (s.op) {
    case "unlink":
      return { kind: "file_remove", file: { path: first, ...extra } };
    case "rmdir":
      return { kind: "file_remove", file: { path: first, directory: true, ...extra } };
    case "rename":
      return { kind: "file_move", file: { path: first, target_path: second ?? "", ...extra } };
    case "link":
      return { kind: "file_link", file: { path: first, target_path: second ?? "", link_type: "hard", ...extra } };
    case "symlink": {
      const linkDir = second ? second.slice(0, second.lastIndexOf("/")) || "/" : "/";
      const target = resolvePath(s.path.raw, linkDir);
      return { kind: "file_link", file: { path: target, target_path: second ?? "", link_type: "symbolic", ...extra } };
    }
  }
}
function network(s, domainOf) {
  const domain = domainOf?.nameOf(s.address);
  return {
    protocol: s.protocol === "udp" ? "udp" : "tcp",
    family: s.family,
    address: s.address,
    port: s.port,
    ...domain !== void 0 ? { domain } : {}
  };
}
function baseEvent(kind, cgroupId2, node, bootToRealNs, process2 = processContext(node, bootToRealNs)) {
  const e = { kind, cgroup_id: cgroupId2, process: process2 };
  if (node.step) e.step = node.step;
  return e;
}
function domainEvent(domain, cgroupId2, node, bootToRealNs) {
  const e = baseEvent("domain", cgroupId2, node, bootToRealNs);
  e.domain = domain;
  return e;
}
function buildEvent(s, node, bootToRealNs, domainOf) {
  const base2 = (kind, process2) => baseEvent(kind, s.cgroupId, node, bootToRealNs, process2);
  let e;
  switch (s.kind) {
    case "exec":
      return base2("process_exec");
    case "exit":
      return base2("process_exit", { ...processContext(node, bootToRealNs), ...exitFields(s.status) });
    case "connect":
      e = base2("network_connect");
      e.network = network(s, domainOf);
      return e;
    case "file_open":
      e = base2("file_open");
      e.file = fileOpen(s);
      return e;
    case "file_op": {
      const { kind, file } = fileOp(s);
      e = base2(kind);
      e.file = file;
      return e;
    }
    case "unix_connect":
      e = base2("unix_socket_connect");
      e.unix_socket = { path: s.path };
      return e;
    default:
      return void 0;
  }
}

// src/tracker/processTable.ts
import { readFileSync as readFileSync5, readlinkSync } from "node:fs";
var ANCESTOR_DEPTH = 16;
var NS_PER_TICK = 1e7;
var startTicks = (startNs) => Math.floor(startNs / NS_PER_TICK);
function readProc(pid, procRoot = "/proc") {
  try {
    const stat = readFileSync5(`${procRoot}/${pid}/stat`, "latin1");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    const ticks = Number(fields[19]);
    let execPath = "";
    try {
      execPath = readlinkSync(`${procRoot}/${pid}/exe`);
    } catch {
    }
    const cmdline = readFileSync5(`${procRoot}/${pid}/cmdline`);
    const argv = splitNul(cmdline, 0, cmdline.length);
    return { ppid, startTicks: ticks, execPath, argv };
  } catch {
    return void 0;
  }
}
function chainFrom(parent) {
  if (!parent) return { ancestors: [], truncated: false };
  const full = [parent.asAncestor, ...parent.ancestors];
  const truncated = parent.ancestorsTruncated || full.length > ANCESTOR_DEPTH;
  return { ancestors: full.slice(0, ANCESTOR_DEPTH), truncated };
}
var ProcessTable = class {
  byPid = /* @__PURE__ */ new Map();
  get size() {
    return this.byPid.size;
  }
  /** The live node for (pid, start); start 0 means "whichever process has pid now". */
  get(pid, startNs) {
    const node = this.byPid.get(pid);
    if (!node) return void 0;
    if (startNs && node.startTicks !== startTicks(startNs)) return void 0;
    return node;
  }
  put(pid, startNs, ppid, parent, fields) {
    const { ancestors, truncated } = chainFrom(parent);
    const execPath = fields.execPath ?? parent?.execPath ?? "";
    const argv = fields.argv ?? parent?.argv ?? [];
    const node = {
      pid,
      startTicks: fields.startTicks ?? startTicks(startNs),
      startNs,
      ppid,
      uid: fields.uid ?? parent?.uid,
      execPath,
      argv,
      argvTruncated: fields.argvTruncated ?? parent?.argvTruncated ?? false,
      cwd: fields.cwd ?? parent?.cwd,
      ancestors,
      ancestorsTruncated: truncated,
      asAncestor: { pid, exec_path: execPath, argv },
      step: fields.step ?? parent?.step
    };
    this.byPid.set(pid, node);
    return node;
  }
  /** A new process: it starts as a copy of its parent's image. */
  fork(pid, startNs, ppid, parentStartNs, uid) {
    return this.put(pid, startNs, ppid, this.get(ppid, parentStartNs), { uid });
  }
  /** A new image in an existing (or unseen) process. */
  exec(pid, startNs, ppid, parentStartNs, image) {
    const existing = this.get(pid, startNs);
    if (!existing) return this.put(pid, startNs, ppid, this.get(ppid, parentStartNs), image);
    Object.assign(existing, image);
    existing.context = void 0;
    existing.asAncestor = { pid, exec_path: image.execPath, argv: image.argv };
    return existing;
  }
  /**
   * The node for an event's process. A process never seen forking or
   * exec'ing (it predates tracking) is read from /proc once and kept.
   */
  resolve(pid, startNs) {
    const known = this.get(pid, startNs);
    if (known) return known;
    const proc = readProc(pid);
    const sameProcess = proc && (!startNs || proc.startTicks === startTicks(startNs));
    if (proc && sameProcess) {
      return this.put(pid, startNs || proc.startTicks * NS_PER_TICK, proc.ppid, this.get(proc.ppid, 0), {
        startTicks: proc.startTicks,
        execPath: proc.execPath,
        argv: proc.argv
      });
    }
    return this.put(pid, startNs, 0, void 0, { execPath: "", argv: [] });
  }
  /** Removes the node of an exited process and returns it for the exit event. */
  exit(pid, startNs) {
    const node = this.get(pid, startNs);
    if (node) this.byPid.delete(pid);
    return node;
  }
  /** Drops every node whose pid is in the set (a job's end). */
  forget(pids) {
    for (const pid of pids) this.byPid.delete(pid);
  }
  pids() {
    return this.byPid.keys();
  }
};

// src/tracker/steps.ts
import { closeSync, openSync as openSync2, readSync } from "node:fs";
import { basename } from "node:path";
var ACTION_PATH = /\/_actions\/([^/]+)\/([^/]+)\/([^/]+)\//;
var RUN_SCRIPT = /\/_temp\/[^/]+\.(sh|bash|ps1|py|cmd)$/;
var LABEL_MAX = 200;
function firstScriptLine(path) {
  let fd;
  try {
    fd = openSync2(path, "r");
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString("utf8").split("\n").map((l) => l.trim()).find((l) => l.length > 0);
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
var clip = (s) => s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}\u2026` : s;
function stepLabel(execPath, argv, readLine = firstScriptLine) {
  for (const arg of argv) {
    const action = ACTION_PATH.exec(arg);
    if (action) return `uses: ${action[1]}/${action[2]}@${action[3]}`;
  }
  const script = argv.find((a) => RUN_SCRIPT.test(a));
  if (script) {
    const line = readLine(script);
    return clip(`run: ${line ?? `(script ${basename(script)} already removed)`}`);
  }
  const shown = argv.length ? argv.join(" ") : basename(execPath);
  return clip(`run: ${shown}`);
}

// src/tracker/kernelTracker.ts
var REMOVED_GRACE_MS = 5e3;
var KernelTracker = class {
  constructor(maps, bootToRealNs, now = Date.now) {
    this.maps = maps;
    this.bootToRealNs = bootToRealNs;
    this.now = now;
  }
  maps;
  bootToRealNs;
  now;
  jobByCgroup = /* @__PURE__ */ new Map();
  cgroupsByJob = /* @__PURE__ */ new Map();
  stagingByBasename = /* @__PURE__ */ new Map();
  stagingByJob = /* @__PURE__ */ new Map();
  processes = new ProcessTable();
  jobs = /* @__PURE__ */ new Map();
  jobOfPid = /* @__PURE__ */ new Map();
  removedAt = /* @__PURE__ */ new Map();
  cgroupPath = /* @__PURE__ */ new Map();
  containerByBasename = /* @__PURE__ */ new Map();
  containerByCgroup = /* @__PURE__ */ new Map();
  stagedAt = /* @__PURE__ */ new Map();
  seq = 0;
  counts = { unattributed: 0, otherProtocol: 0, malformed: 0, ownerless: 0 };
  registerJob(identity2, cgroups, sink, opts = {}) {
    if (this.jobs.has(identity2.id)) throw new Error(`job ${identity2.id} is already registered`);
    for (const c of cgroups) {
      const owner = this.jobByCgroup.get(Number(c.id));
      if (owner !== void 0) throw new Error(`cgroup ${c.path ?? c.id} already belongs to job ${owner}`);
    }
    this.jobs.set(identity2.id, {
      identity: identity2,
      sink,
      delivered: 0,
      workerPid: opts.workerPid,
      registeredAt: this.now(),
      domains: new JobDomains(this.now)
    });
    this.cgroupsByJob.set(identity2.id, /* @__PURE__ */ new Set());
    this.stagingByJob.set(identity2.id, /* @__PURE__ */ new Set());
    for (const c of cgroups) this.addCgroup(identity2.id, Number(c.id), c.path);
  }
  /**
   * Processes already in the job when it registered (the runner worker, the
   * step that registered it): read from /proc, parents first, so their
   * children get full ancestors, and marked in the kernel as the job's.
   */
  bootstrap(jobId, pids) {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`unknown job ${jobId}`);
    const parentsFirst = pids.map((pid) => ({ pid, proc: readProc(pid) })).filter((p) => p.proc !== void 0).sort((a, b) => a.proc.startTicks - b.proc.startTicks);
    for (const { pid } of parentsFirst) {
      const node = this.processes.resolve(pid, 0);
      this.jobOfPid.set(pid, jobId);
      this.assignStep(node, job);
      this.maps.trackTask(pid, BigInt(node.startNs));
    }
  }
  /**
   * Removes every trace of the job from the kernel maps and the mirror,
   * after sending its DNS questions still held for an answer; returns how
   * many events the job got in all.
   */
  unregisterJob(jobId) {
    this.releaseHeldDomains(jobId);
    const delivered = this.delivered(jobId);
    for (const id of this.cgroupsByJob.get(jobId) ?? []) {
      this.maps.untrackCgroup(BigInt(id));
      this.jobByCgroup.delete(id);
      this.removedAt.delete(id);
      this.cgroupPath.delete(id);
      this.containerByCgroup.delete(id);
    }
    for (const name of [...this.stagingByJob.get(jobId) ?? []]) this.dropStaging(name);
    const pids = [...this.jobOfPid].filter(([, job]) => job === jobId).map(([pid]) => pid);
    this.processes.forget(pids);
    for (const pid of pids) {
      this.jobOfPid.delete(pid);
      this.maps.untrackTask(pid);
    }
    this.cgroupsByJob.delete(jobId);
    this.stagingByJob.delete(jobId);
    this.jobs.delete(jobId);
    return delivered;
  }
  jobIds() {
    return [...this.jobs.keys()];
  }
  delivered(jobId) {
    return this.jobs.get(jobId)?.delivered ?? 0;
  }
  addCgroup(jobId, id, path) {
    this.maps.trackCgroup(BigInt(id));
    this.jobByCgroup.set(id, jobId);
    this.cgroupsByJob.get(jobId)?.add(id);
    if (path) this.cgroupPath.set(id, path);
  }
  /**
   * Staging promote, first half: a container the job is creating will get a
   * cgroup with this basename; when the kernel sees it made, it is the job's.
   */
  stage(jobId, basename2, container) {
    if (!this.jobs.has(jobId)) throw new Error(`unknown job ${jobId}`);
    this.maps.stage(basename2);
    this.stagingByBasename.set(basename2, jobId);
    this.stagingByJob.get(jobId)?.add(basename2);
    this.containerByBasename.set(basename2, container);
    this.stagedAt.set(basename2, this.now());
  }
  /** Drops staging entries never promoted (a create that was never started). */
  expireStaging(maxAgeMs) {
    const limit = this.now() - maxAgeMs;
    for (const [name, at] of this.stagedAt) {
      if (at > limit) continue;
      this.dropStaging(name);
    }
  }
  dropStaging(name) {
    const jobId = this.stagingByBasename.get(name);
    this.maps.unstage(name);
    this.stagingByBasename.delete(name);
    if (jobId !== void 0) this.stagingByJob.get(jobId)?.delete(name);
    this.containerByBasename.delete(name);
    this.stagedAt.delete(name);
  }
  /** The job whose tracked cgroup has this id, if any. */
  jobOfCgroup(id) {
    return this.jobByCgroup.get(id);
  }
  /** Jobs registered longer ago than maxAgeMs (never unregistered: the runner died). */
  staleJobs(maxAgeMs) {
    const limit = this.now() - maxAgeMs;
    return [...this.jobs.values()].filter((j) => j.registeredAt < limit).map((j) => j.identity.id);
  }
  processCount() {
    return this.processes.size;
  }
  /** Sizes of every mirror table: all zero once the last job is gone. */
  mirrorSizes() {
    return {
      jobs: this.jobs.size,
      jobByCgroup: this.jobByCgroup.size,
      cgroupsByJob: this.cgroupsByJob.size,
      stagingByBasename: this.stagingByBasename.size,
      stagingByJob: this.stagingByJob.size,
      containerByBasename: this.containerByBasename.size,
      containerByCgroup: this.containerByCgroup.size,
      processes: this.processes.size,
      jobOfPid: this.jobOfPid.size,
      domainProcesses: [...this.jobs.values()].reduce((n, j) => n + j.domains.processes, 0)
    };
  }
  noteMalformed() {
    this.counts.malformed++;
  }
  handle(s) {
    if (s.kind === "cgroup") {
      this.handleCgroup(s);
      return;
    }
    const jobId = this.jobByCgroup.get(s.cgroupId) ?? this.jobOfPid.get(s.pid);
    const job = jobId !== void 0 ? this.jobs.get(jobId) : void 0;
    if (!job || jobId === void 0) {
      this.counts.unattributed++;
      return;
    }
    if (s.kind === "connect" && s.protocol === "other") {
      this.counts.otherProtocol++;
      return;
    }
    if (s.kind === "domain") {
      this.handleDomain(s, job, jobId);
      return;
    }
    const node = this.processFor(s, jobId);
    const event = buildEvent(s, node, this.bootToRealNs, job.domains);
    if (s.kind === "exit") {
      job.domains.forgetProcess(node);
      this.processes.exit(s.pid, s.startNs);
      this.jobOfPid.delete(s.pid);
    }
    if (event) this.deliver(job, s.timeNs, event);
  }
  /** Answers name addresses and complete held questions; names from processes go through JobDomains. */
  handleDomain(s, job, jobId) {
    if (s.source === "dns_answer") {
      for (const e2 of job.domains.answered(s)) this.deliver(job, e2.timeNs, e2.event);
      return;
    }
    if (s.pid === 0) {
      this.counts.ownerless++;
      return;
    }
    const node = this.processFor(s, jobId);
    const e = job.domains.seenFrom(s, node, (d) => domainEvent(d, s.cgroupId, node, this.bootToRealNs));
    if (e) this.deliver(job, e.timeNs, e.event);
  }
  /**
   * Delivers DNS questions whose answer did not come within ANSWER_WAIT_MS
   * (all of them when all is set: the records are drained and nothing more
   * will come). Called by the pump between batches.
   */
  releaseDueDomains(all = false) {
    for (const job of this.jobs.values()) this.releaseDomains(job, all);
  }
  /** Sends the job's DNS questions still waiting for an answer: the job is ending. */
  releaseHeldDomains(jobId) {
    const job = this.jobs.get(jobId);
    if (job) this.releaseDomains(job, true);
  }
  releaseDomains(job, all) {
    for (const e of job.domains.due(all)) this.deliver(job, e.timeNs, e.event);
  }
  processFor(s, jobId) {
    const job = this.jobs.get(jobId);
    let node;
    if (s.kind === "fork") {
      node = this.processes.fork(s.pid, s.startNs, s.ppid, s.parentStartNs, s.uid);
    } else if (s.kind === "exec") {
      node = this.processes.exec(s.pid, s.startNs, s.ppid, s.parentStartNs, {
        execPath: s.execPath,
        argv: s.argv,
        argvTruncated: (s.flags & 1) !== 0,
        cwd: s.cwd,
        uid: s.uid
      });
    } else {
      node = this.processes.resolve(s.pid, s.startNs);
    }
    if (s.kind !== "exit" && !this.jobOfPid.has(s.pid)) this.assignStep(node, job);
    else if (s.kind === "exec" && node.step?.pid === node.pid) this.assignStep(node, job);
    this.jobOfPid.set(s.pid, jobId);
    return node;
  }
  /** A direct child of the worker starts a step; its exec names it. */
  assignStep(node, job) {
    if (job.workerPid === void 0 || node.ppid !== job.workerPid) return;
    node.step = { pid: node.pid, label: stepLabel(node.execPath, node.argv) };
  }
  deliver(job, timeNs, e) {
    const container = this.containerByCgroup.get(e.cgroup_id);
    const record = {
      seq: this.seq++,
      time: rfc3339Micros(timeNs + this.bootToRealNs),
      kind: e.kind,
      job: job.identity,
      cgroup_id: e.cgroup_id,
      container,
      step: e.step,
      process: e.process,
      network: e.network,
      file: e.file,
      domain: e.domain,
      unix_socket: e.unix_socket
    };
    job.delivered++;
    job.sink.write(record);
  }
  handleCgroup(s) {
    if (s.op === "rmdir") {
      if (this.jobByCgroup.has(s.id)) this.removedAt.set(s.id, this.now());
      return;
    }
    let jobId;
    if (s.op === "mkdir") jobId = this.jobByCgroup.get(s.parentId);
    else if (s.op === "attach") jobId = this.jobOfPid.get(s.pid) ?? this.jobByCgroup.get(s.cgroupId);
    else jobId = this.stagingByBasename.get(s.name);
    if (jobId === void 0 || !this.jobs.has(jobId)) {
      this.maps.untrackCgroup(BigInt(s.id));
      this.counts.unattributed++;
      return;
    }
    if (s.op === "promote") {
      const container = this.containerByBasename.get(s.name);
      this.dropStaging(s.name);
      if (container) this.containerByCgroup.set(s.id, container);
    } else if (s.op === "mkdir") {
      const container = this.containerByCgroup.get(s.parentId);
      if (container) this.containerByCgroup.set(s.id, container);
    }
    const parentPath = this.cgroupPath.get(s.parentId);
    this.jobByCgroup.set(s.id, jobId);
    this.cgroupsByJob.get(jobId)?.add(s.id);
    if (parentPath && s.op === "mkdir") this.cgroupPath.set(s.id, `${parentPath}/${s.name}`);
  }
  /**
   * Catches a removal the kernel hook missed (for example while the ring
   * buffer was full): a registered cgroup whose directory is gone is treated
   * as removed.
   */
  reconcile() {
    for (const [id, path] of this.cgroupPath) {
      if (this.removedAt.has(id) || existsSync4(path)) continue;
      this.maps.untrackCgroup(BigInt(id));
      this.removedAt.set(id, this.now());
    }
  }
  /** Forgets removed cgroups whose grace period is over. */
  expireRemoved() {
    const limit = this.now() - REMOVED_GRACE_MS;
    for (const [id, at] of this.removedAt) {
      if (at > limit) continue;
      const jobId = this.jobByCgroup.get(id);
      this.jobByCgroup.delete(id);
      if (jobId !== void 0) this.cgroupsByJob.get(jobId)?.delete(id);
      this.removedAt.delete(id);
      this.cgroupPath.delete(id);
    }
  }
};

// src/kernel/address.ts
function ipv4(buf, off) {
  return `${buf[off]}.${buf[off + 1]}.${buf[off + 2]}.${buf[off + 3]}`;
}
function ipv6(buf, off) {
  const words = [];
  for (let i = 0; i < 8; i++) words.push(buf.readUInt16BE(off + i * 2));
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 65535) return ipv4(buf, off + 12);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex2 = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex2.join(":");
  const head = hex2.slice(0, bestStart).join(":");
  const tail = hex2.slice(bestStart + bestLen).join(":");
  return `${head}::${tail}`;
}

// src/kernel/decode.ts
var MalformedRecord = class extends Error {
};
var u64 = (b, off) => b.readUInt32LE(off + 4) * 4294967296 + b.readUInt32LE(off);
function need(cond, what) {
  if (!cond) throw new MalformedRecord(what);
}
function base(b, at) {
  const h = OFFSETS.cs_header;
  return {
    pid: b.readUInt32LE(at + h.pid),
    tid: b.readUInt32LE(at + h.tid),
    flags: b.readUInt32LE(at + h.flags),
    timeNs: u64(b, at + h.time_ns),
    cgroupId: u64(b, at + h.cgroup_id),
    startNs: u64(b, at + h.start_time_ns)
  };
}
var Tail = class {
  constructor(pos, end) {
    this.pos = pos;
    this.end = end;
  }
  pos;
  end;
  take(len) {
    need(this.pos + len <= this.end, "blob runs past the record");
    const span = [this.pos, this.pos + len];
    this.pos += len;
    return span;
  }
};
function decodeExec(b, at, end) {
  const o = OFFSETS.cs_exec;
  const flags = b.readUInt32LE(at + OFFSETS.cs_header.flags);
  const tail = new Tail(at + SIZEOF.cs_exec, end);
  const [ps, pe] = tail.take(b.readUInt16LE(at + o.path_len));
  const [as, ae] = tail.take(b.readUInt16LE(at + o.argv_len));
  const [cs, ce] = tail.take(b.readUInt16LE(at + o.cwd_len));
  return {
    kind: "exec",
    ...base(b, at),
    ppid: b.readUInt32LE(at + o.ppid),
    uid: b.readUInt32LE(at + o.uid),
    parentStartNs: u64(b, at + o.parent_start_time_ns),
    execPath: pe > ps ? componentsToPath(b, ps, pe, (flags & Flag.PATH_TRUNCATED) !== 0) : "",
    argv: splitNul(b, as, ae),
    // No components means the walk started at the root: the cwd is '/'.
    cwd: componentsToPath(b, cs, ce, (flags & Flag.CWD_TRUNCATED) !== 0)
  };
}
function decodeFork(b, at) {
  const o = OFFSETS.cs_fork;
  return {
    kind: "fork",
    ...base(b, at),
    ppid: b.readUInt32LE(at + o.ppid),
    uid: b.readUInt32LE(at + o.uid),
    parentStartNs: u64(b, at + o.parent_start_time_ns)
  };
}
var CGROUP_OPS = {
  [CgroupOp.MKDIR]: "mkdir",
  [CgroupOp.RMDIR]: "rmdir",
  [CgroupOp.ATTACH]: "attach",
  [CgroupOp.PROMOTE]: "promote"
};
function decodeCgroup(b, at, end) {
  const o = OFFSETS.cs_cgroup;
  const op = CGROUP_OPS[b.readUInt32LE(at + o.op)];
  need(op !== void 0, "unknown cgroup op");
  const [ns, ne] = new Tail(at + SIZEOF.cs_cgroup, end).take(b.readUInt16LE(at + o.name_len));
  return {
    kind: "cgroup",
    ...base(b, at),
    op,
    id: u64(b, at + o.id),
    parentId: u64(b, at + o.parent_id),
    name: bytesToText(b, ns, ne)
  };
}
function decodeConnect(b, at) {
  const o = OFFSETS.cs_connect;
  const proto = b[at + o.protocol];
  const family = b[at + o.family];
  need(family === 2 || family === 10, "unknown address family");
  return {
    kind: "connect",
    ...base(b, at),
    protocol: proto === 6 ? "tcp" : proto === 17 ? "udp" : "other",
    family: family === 2 ? "ipv4" : "ipv6",
    address: family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port),
    viaSendmsg: b[at + o.via_sendmsg] !== 0
  };
}
function decodeFileOpen(b, at, end) {
  const o = OFFSETS.cs_file_open;
  const flags = b.readUInt32LE(at + OFFSETS.cs_header.flags);
  const enc = b[at + o.path_enc];
  const [ps, pe] = new Tail(at + SIZEOF.cs_file_open, end).take(b.readUInt16LE(at + o.path_len));
  need(enc === PathEnc.COMPONENTS || enc === PathEnc.STRING, "unknown path encoding");
  return {
    kind: "file_open",
    ...base(b, at),
    openFlags: b.readUInt32LE(at + o.open_flags),
    access: b[at + o.access],
    path: enc === PathEnc.COMPONENTS ? componentsToPath(b, ps, pe, (flags & Flag.PATH_TRUNCATED) !== 0) : bytesToText(b, ps, pe)
  };
}
var FILE_OPS = {
  [FileOp.UNLINK]: "unlink",
  [FileOp.RMDIR]: "rmdir",
  [FileOp.RENAME]: "rename",
  [FileOp.LINK]: "link",
  [FileOp.SYMLINK]: "symlink"
};
function passedPath(b, tail, pathLen, baseLen, truncated) {
  const [ps, pe] = tail.take(pathLen);
  const [bs, be] = tail.take(baseLen);
  const raw = bytesToText(b, ps, pe);
  return be > bs ? { raw, base: componentsToPath(b, bs, be, truncated) } : { raw };
}
function decodeFileOp(b, at, end) {
  const o = OFFSETS.cs_file_op;
  const flags = b.readUInt32LE(at + OFFSETS.cs_header.flags);
  const op = FILE_OPS[b.readUInt32LE(at + o.op)];
  need(op !== void 0, "unknown file op");
  const tail = new Tail(at + SIZEOF.cs_file_op, end);
  const path = passedPath(
    b,
    tail,
    b.readUInt16LE(at + o.path_len),
    b.readUInt16LE(at + o.base_len),
    (flags & Flag.PATH_TRUNCATED) !== 0
  );
  const len2 = b.readUInt16LE(at + o.path2_len);
  const base2 = b.readUInt16LE(at + o.base2_len);
  const sample = { kind: "file_op", ...base(b, at), op, opFlags: b.readUInt32LE(at + o.op_flags), path };
  if (op === "rename" || op === "link" || op === "symlink") {
    sample.path2 = passedPath(b, tail, len2, base2, (flags & Flag.PATH2_TRUNCATED) !== 0);
  }
  return sample;
}
function decodeUnix(b, at, end) {
  const [ps, pe] = new Tail(at + SIZEOF.cs_unix_connect, end).take(b.readUInt16LE(at + OFFSETS.cs_unix_connect.path_len));
  let path;
  if (pe > ps && b[ps] === 0) {
    let end2 = pe;
    while (end2 > ps + 1 && b[end2 - 1] === 0) end2--;
    path = "@" + bytesToText(b, ps + 1, end2).replace(/\0/g, "\\x00");
  } else {
    const nul = b.indexOf(0, ps);
    path = bytesToText(b, ps, nul >= 0 && nul < pe ? nul : pe);
  }
  return { kind: "unix_connect", ...base(b, at), path };
}
var DOMAIN_SOURCES = {
  [DomainSource.DNS_QUERY]: "dns_query",
  [DomainSource.DNS_ANSWER]: "dns_answer",
  [DomainSource.TLS_SNI]: "tls_sni",
  [DomainSource.HTTP_HOST]: "http_host",
  [DomainSource.RESOLVED]: "resolved"
};
var HOST_LABEL = /^[a-z0-9_-]{1,63}$/;
function isHostName(name) {
  return name.length > 0 && name.length <= DOMAIN_NAME_MAX && name.split(".").every((l) => HOST_LABEL.test(l));
}
function hostName(b, start, end) {
  const name = b.toString("latin1", start, end);
  need(isHostName(name), "domain name is not a host name");
  return name;
}
function decodeAnswers(b, start, end) {
  const answers = [];
  const cnames = [];
  let at = start;
  while (at < end) {
    need(at + 2 <= end, "answer entry header runs past the record");
    const type = b[at];
    const len = b[at + 1];
    need(at + 2 + len <= end, "answer entry runs past the record");
    if (type === AnswerType.A && len === 4) answers.push(ipv4(b, at + 2));
    else if (type === AnswerType.AAAA && len === 16) answers.push(ipv6(b, at + 2));
    else if (type === AnswerType.CNAME) cnames.push(hostName(b, at + 2, at + 2 + len));
    else need(false, `bad answer entry type ${type} length ${len}`);
    at += 2 + len;
  }
  return { answers, cnames };
}
function decodeDomain(b, at, end) {
  const o = OFFSETS.cs_domain;
  const source = DOMAIN_SOURCES[b[at + o.source]];
  need(source !== void 0, "unknown domain source");
  const proto = b[at + o.protocol];
  const family = b[at + o.family];
  const resolved = source === "resolved";
  need(resolved ? proto === 0 : proto === 6 || proto === 17, "unknown domain protocol");
  need(resolved ? family === 1 : family === 2 || family === 10, "unknown address family");
  const tail = new Tail(at + SIZEOF.cs_domain, end);
  const [ns, ne] = tail.take(b.readUInt16LE(at + o.name_len));
  const [as, ae] = tail.take(b.readUInt16LE(at + o.answers_len));
  need(source === "dns_answer" || ae === as, "answers outside a DNS response");
  return {
    kind: "domain",
    ...base(b, at),
    source,
    protocol: resolved ? "unix" : proto === 6 ? "tcp" : "udp",
    family: resolved ? "unix" : family === 2 ? "ipv4" : "ipv6",
    address: resolved ? RESOLVED_SOCKET : family === 2 ? ipv4(b, at + o.addr) : ipv6(b, at + o.addr),
    port: b.readUInt16LE(at + o.port),
    name: hostName(b, ns, ne),
    qtype: b.readUInt16LE(at + o.qtype),
    txid: b.readUInt16LE(at + o.txid),
    rcode: b[at + o.rcode],
    ...decodeAnswers(b, as, ae)
  };
}
var FIXED = {
  [Kind.DOMAIN]: SIZEOF.cs_domain,
  [Kind.EXEC]: SIZEOF.cs_exec,
  [Kind.FORK]: SIZEOF.cs_fork,
  [Kind.EXIT]: SIZEOF.cs_exit,
  [Kind.CGROUP]: SIZEOF.cs_cgroup,
  [Kind.CONNECT]: SIZEOF.cs_connect,
  [Kind.FILE_OPEN]: SIZEOF.cs_file_open,
  [Kind.FILE_OP]: SIZEOF.cs_file_op,
  [Kind.UNIX_CONNECT]: SIZEOF.cs_unix_connect
};
function decodeRecord(b, at, len) {
  need(len >= SIZEOF.cs_header, "record shorter than its header");
  const kind = b.readUInt16LE(at + OFFSETS.cs_header.kind);
  const fixed = FIXED[kind];
  need(fixed !== void 0, `unknown record kind ${kind}`);
  need(len >= fixed, `record of kind ${kind} shorter than its fixed part`);
  need(b.readUInt16LE(at + OFFSETS.cs_header.size) === len, "record size disagrees with the ring buffer");
  const end = at + len;
  switch (kind) {
    case Kind.EXEC:
      return decodeExec(b, at, end);
    case Kind.FORK:
      return decodeFork(b, at);
    case Kind.EXIT:
      return { kind: "exit", ...base(b, at), status: b.readUInt32LE(at + OFFSETS.cs_exit.exit_code) };
    case Kind.CGROUP:
      return decodeCgroup(b, at, end);
    case Kind.CONNECT:
      return decodeConnect(b, at);
    case Kind.FILE_OPEN:
      return decodeFileOpen(b, at, end);
    case Kind.FILE_OP:
      return decodeFileOp(b, at, end);
    case Kind.DOMAIN:
      return decodeDomain(b, at, end);
    default:
      return decodeUnix(b, at, end);
  }
}
function decodeBatch(b, len, onSample, onMalformed) {
  let at = 0;
  while (at + 8 <= len) {
    const recLen = b.readUInt32LE(at);
    const next = at + 8 + Math.ceil(recLen / 8) * 8;
    if (next > len) {
      onMalformed("batch framing runs past the buffer");
      return;
    }
    let sample;
    try {
      sample = decodeRecord(b, at + 8, recLen);
    } catch (err) {
      if (!(err instanceof MalformedRecord) && !(err instanceof RangeError)) throw err;
      onMalformed(err.message);
    }
    if (sample) onSample(sample);
    at = next;
  }
}

// src/tracker/pump.ts
var Pump = class {
  constructor(sensor, tracker, opts = {}) {
    this.sensor = sensor;
    this.tracker = tracker;
    this.opts = opts;
    this.buf = Buffer.alloc(opts.batchBytes ?? 4 << 20);
  }
  sensor;
  tracker;
  opts;
  buf;
  stopping = false;
  done;
  drainWaiters = [];
  batches = 0;
  consume(n) {
    if (n <= 0) return;
    this.batches++;
    decodeBatch(
      this.buf,
      n,
      (s) => this.tracker.handle(s),
      () => this.tracker.noteMalformed()
    );
  }
  /**
   * Takes what the kernel has written with cheap synchronous calls, not one
   * thread-pool round trip per handful of records (a busy job writes
   * continuously, so every wait would return at once with a few records);
   * bounded so control requests and the docker proxy still get their turn.
   */
  drainFor(n, budgetMs) {
    const end = performance.now() + budgetMs;
    while (n > 0) {
      this.consume(n);
      if (performance.now() >= end) break;
      n = this.sensor.pollNow(this.buf);
    }
  }
  start() {
    this.done ??= this.loop();
  }
  async loop() {
    const pollMs = this.opts.pollMs ?? 100;
    while (!this.stopping) {
      this.drainFor(await this.sensor.poll(this.buf, pollMs), 50);
      this.tracker.expireRemoved();
      this.tracker.releaseDueDomains();
      this.opts.afterBatch?.();
      if (this.drainWaiters.length) {
        this.drain();
        for (const wake of this.drainWaiters.splice(0)) wake();
      }
    }
  }
  /**
   * Resolves once everything the kernel wrote before the call has been
   * handled. The ring buffer has one consumer, so the loop does the
   * draining between its waits rather than a second reader racing it.
   */
  settle() {
    if (!this.done || this.stopping) {
      this.drain();
      return Promise.resolve();
    }
    return new Promise((resolve2) => this.drainWaiters.push(resolve2));
  }
  /** Synchronously drains everything the kernel has written so far. */
  drain() {
    for (let n = this.sensor.pollNow(this.buf); n > 0; n = this.sensor.pollNow(this.buf)) this.consume(n);
    this.opts.afterBatch?.();
  }
  /** Stops the loop after its current wait, then drains. */
  async stop() {
    this.stopping = true;
    await this.done;
    this.drain();
    this.tracker.releaseDueDomains(true);
    this.opts.afterBatch?.();
    for (const wake of this.drainWaiters.splice(0)) wake();
  }
};

// src/platform/checks.ts
import { existsSync as existsSync5 } from "node:fs";
function checkPlatform() {
  const missing2 = [];
  if (process.platform !== "linux") missing2.push(`Linux is required (this is ${process.platform})`);
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    missing2.push("root is required to load BPF programs (run with sudo)");
  }
  if (!existsSync5("/sys/kernel/btf/vmlinux")) {
    missing2.push("kernel BTF is missing (/sys/kernel/btf/vmlinux; needs CONFIG_DEBUG_INFO_BTF)");
  }
  const cgroupRoot = cgroup2Root();
  if (!cgroupRoot) missing2.push("cgroup v2 is not mounted (no cgroup2 entry in /proc/mounts)");
  return { ok: missing2.length === 0, missing: missing2, cgroupRoot };
}

// src/tracker/sensorStart.ts
function startSensor(ringbufBytes, noFunctionHooks) {
  const platform = checkPlatform();
  if (!platform.ok || !platform.cgroupRoot) return { ok: false, reason: platform.missing.join("; ") };
  let sensor;
  try {
    sensor = Sensor.open({ ringbufBytes, noFunctionHooks });
    const plan = sensor.attach(platform.cgroupRoot);
    return { ok: true, sensor, plan, cgroupRoot: platform.cgroupRoot };
  } catch (err) {
    sensor?.close();
    const text2 = err instanceof Error ? err.message : String(err);
    const [first, ...rest] = text2.split("\n");
    return { ok: false, reason: `the kernel refused the BPF sensor: ${first}`, detail: rest.join("\n") };
  }
}

// src/tracker/status.ts
function sensorStatus(plan, counters, counts, ringbufBytes) {
  return {
    plan,
    hooks: counters,
    lostRecords: counters.reduce((sum, c) => sum + c.lost, 0),
    undecodable: counts.malformed,
    ringbufBytes
  };
}

// src/daemon/controlServer.ts
import { chmodSync, chownSync, rmSync as rmSync4 } from "node:fs";
import net2 from "node:net";

// src/daemon/protocol.ts
var MAX_REQUEST_BYTES = 64 * 1024;
var ProtocolError = class extends Error {
};
var JOB_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var IDENTITY_FIELDS = ["name", "workflow", "repository", "run_id", "run_attempt"];
function text(v, field, max = 1024) {
  if (typeof v !== "string") throw new ProtocolError(`${field} must be a string`);
  if (v.length > max) throw new ProtocolError(`${field} is longer than ${max} characters`);
  return v;
}
function identity(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ProtocolError("job must be an object");
  const o = v;
  const id = text(o.id, "job.id", 128);
  if (!JOB_ID_PATTERN.test(id)) throw new ProtocolError('job.id may hold letters, digits, ".", "_" and "-" (1-128)');
  const job = { id };
  for (const f of IDENTITY_FIELDS) if (o[f] !== void 0) job[f] = text(o[f], `job.${f}`);
  return job;
}
function register(o) {
  const req = { op: "register", job: identity(o.job) };
  if (o.cgroup !== void 0) req.cgroup = text(o.cgroup, "cgroup", 4096);
  if (o.pid !== void 0) {
    if (!Number.isSafeInteger(o.pid) || o.pid <= 0) throw new ProtocolError("pid must be a positive integer");
    req.pid = o.pid;
  }
  if (req.cgroup === void 0 === (req.pid === void 0)) throw new ProtocolError("register needs exactly one of cgroup or pid");
  return req;
}
function parseRequest(line) {
  if (Buffer.byteLength(line) > MAX_REQUEST_BYTES) throw new ProtocolError("request too long");
  let o;
  try {
    o = JSON.parse(line);
  } catch {
    throw new ProtocolError("request is not valid JSON");
  }
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new ProtocolError("request must be a JSON object");
  const r = o;
  switch (r.op) {
    case "register":
      return register(r);
    case "unregister": {
      const id = text(r.id, "id", 128);
      if (!JOB_ID_PATTERN.test(id)) throw new ProtocolError("id is not a valid job id");
      return { op: "unregister", id };
    }
    case "stats":
      return { op: "stats" };
    case "stop":
      return { op: "stop" };
    default:
      throw new ProtocolError(`unknown op ${JSON.stringify(r.op)?.slice(0, 64) ?? "undefined"}`);
  }
}

// src/daemon/controlServer.ts
function reply(sock, res) {
  if (!sock.destroyed && sock.writable) sock.write(JSON.stringify(res) + "\n");
}
function serve(sock, handler) {
  let buffered = "";
  let chain = Promise.resolve();
  sock.setEncoding("utf8");
  sock.on("error", () => sock.destroy());
  sock.on("data", (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      chain = chain.then(() => answer(sock, line, handler));
    }
    if (buffered.length > MAX_REQUEST_BYTES) {
      reply(sock, { ok: false, error: "request too long" });
      sock.destroy();
    }
  });
}
async function answer(sock, line, handler) {
  let req;
  try {
    req = parseRequest(line);
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof ProtocolError ? err.message : "bad request" });
    return;
  }
  try {
    reply(sock, await handler(req));
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}
async function listenControl(opts) {
  rmSync4(opts.path, { force: true });
  const server = net2.createServer((sock) => serve(sock, opts.handler));
  server.on("error", (err) => opts.onError?.(err));
  const oldMask = process.umask(127);
  try {
    await new Promise((resolve2, reject) => {
      server.once("error", reject);
      server.listen(opts.path, () => resolve2());
    });
  } finally {
    process.umask(oldMask);
  }
  chmodSync(opts.path, 384);
  if (opts.owner) chownSync(opts.path, opts.owner.uid, opts.owner.gid);
  return server;
}

// src/daemon/jobs.ts
import { chownSync as chownSync2, existsSync as existsSync7, mkdirSync as mkdirSync3, rmdirSync as rmdirSync3, rmSync as rmSync5, writeFileSync as writeFileSync5 } from "node:fs";
import { join as join10 } from "node:path";

// src/events/logWriter.ts
import { closeSync as closeSync2, fsyncSync, openSync as openSync3, writeSync } from "node:fs";

// src/events/eventLine.ts
var shared = /* @__PURE__ */ new WeakMap();
function sharedJson(value) {
  let json = shared.get(value);
  if (json === void 0) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}
var last;
function sharedRun(e) {
  if (last && last.job === e.job && last.cgroupId === e.cgroup_id && last.container === e.container && last.step === e.step && last.process === e.process) {
    return last.text;
  }
  let text2 = `"job":${sharedJson(e.job)},"cgroup_id":${e.cgroup_id}`;
  if (e.container !== void 0) text2 += `,"container":${sharedJson(e.container)}`;
  if (e.step !== void 0) text2 += `,"step":${sharedJson(e.step)}`;
  text2 += `,"process":${sharedJson(e.process)}`;
  last = { job: e.job, cgroupId: e.cgroup_id, container: e.container, step: e.step, process: e.process, text: text2 };
  return text2;
}
function eventLine(e) {
  let line = `{"seq":${e.seq},"time":${JSON.stringify(e.time)},"kind":${JSON.stringify(e.kind)},${sharedRun(e)}`;
  if (e.network !== void 0) line += `,"network":${JSON.stringify(e.network)}`;
  if (e.file !== void 0) line += `,"file":${JSON.stringify(e.file)}`;
  if (e.domain !== void 0) line += `,"domain":${JSON.stringify(e.domain)}`;
  if (e.unix_socket !== void 0) line += `,"unix_socket":${JSON.stringify(e.unix_socket)}`;
  return `${line}}
`;
}

// src/events/logWriter.ts
var EventLogWriter = class {
  constructor(path, onEvent, flushBytes = 1 << 20) {
    this.path = path;
    this.onEvent = onEvent;
    this.fd = openSync3(path, "a", 384);
    this.buf = Buffer.allocUnsafe(flushBytes);
  }
  path;
  onEvent;
  fd;
  buf;
  used = 0;
  written = 0;
  write(event) {
    const line = eventLine(event);
    if (this.used + line.length * 3 > this.buf.length) {
      this.flush();
      if (line.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(line.length * 3);
    }
    this.used += this.buf.write(line, this.used, "utf8");
    this.written++;
    this.onEvent?.(event);
  }
  flush() {
    let off = 0;
    while (off < this.used) off += writeSync(this.fd, this.buf, off, this.used - off);
    this.used = 0;
  }
  close() {
    this.flush();
    fsyncSync(this.fd);
    closeSync2(this.fd);
  }
};

// src/events/eventRecord.ts
var EVENT_KINDS = [
  "process_exec",
  "process_exit",
  "network_connect",
  "file_open",
  "file_remove",
  "file_move",
  "file_link",
  "domain",
  "unix_socket_connect"
];

// src/report/counting.ts
var MAX_STORED_CHARS = 16384;
var MAX_STORED_ARGS = 1024;
function clip2(s) {
  return s.length <= MAX_STORED_CHARS ? s : `${s.slice(0, MAX_STORED_CHARS)}\u2026 (${s.length} chars)`;
}
function clipArgv(argv) {
  const kept = argv.slice(0, MAX_STORED_ARGS).map(clip2);
  if (argv.length > MAX_STORED_ARGS) kept.push(`\u2026 (${argv.length - MAX_STORED_ARGS} more arguments)`);
  return kept;
}
var { imul, clz32, floor, min } = Math;
function hash53(s) {
  let h1 = 2166136261;
  let h2 = 2538058380;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = imul(h1 ^ c, 16777619);
    h2 = imul(h2 ^ c, 1540483477);
    h2 ^= h2 >>> 13;
  }
  return (fmix32(h1) >>> 0) * 2097152 + (fmix32(h2) >>> 11);
}
function fmix32(h) {
  h = imul(h ^ h >>> 16, 2246822507);
  h = imul(h ^ h >>> 13, 3266489909);
  return h ^ h >>> 16;
}
var LARGE = { exactLimit: 4096, precisionBits: 12 };
var SMALL = { exactLimit: 64, precisionBits: 8 };
var DistinctCounter = class {
  constructor(size) {
    this.size = size;
  }
  size;
  exact = /* @__PURE__ */ new Set();
  registers;
  addHash(h) {
    if (this.exact === void 0) return this.addToSketch(h);
    this.exact.add(h);
    if (this.exact.size > this.size.exactLimit) this.spill(this.exact);
  }
  get estimated() {
    return this.exact === void 0;
  }
  count() {
    return this.exact?.size ?? Math.max(this.size.exactLimit + 1, this.estimate());
  }
  spill(exact) {
    this.registers = new Uint8Array(1 << this.size.precisionBits);
    this.exact = void 0;
    for (const h of exact) this.addToSketch(h);
  }
  addToSketch(h53) {
    const bits = this.size.precisionBits;
    const h = floor(h53 / 2097152);
    const index = h >>> 32 - bits;
    const rank = min(clz32(h << bits >>> 0) + 1, 33 - bits);
    const registers = this.registers;
    if (rank > registers[index]) registers[index] = rank;
  }
  estimate() {
    const registers = this.registers;
    const m = registers.length;
    let sum = 0;
    let zeros = 0;
    for (const r of registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const raw = 0.7213 / (1 + 1.079 / m) * m * m / sum;
    return Math.round(raw <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : raw);
  }
};
var SampleSet = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  values = [];
  hashes = [];
  extra;
  /** `key` identifies the value; only its hash is kept. */
  add(key, value) {
    const h = hash53(key);
    if (this.hashes.includes(h)) return;
    if (this.values.length < this.limit) {
      this.values.push(value());
      this.hashes.push(h);
    } else {
      (this.extra ??= new DistinctCounter(SMALL)).addHash(h);
    }
  }
  toSamples() {
    return { values: [...this.values], omitted: this.extra?.count() ?? 0 };
  }
};
var FirstSeen = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  entries = /* @__PURE__ */ new Map();
  overflow = new DistinctCounter(LARGE);
  overflowEvents = 0;
  hit(key, make) {
    const h = hash53(key);
    let entry = this.entries.get(h);
    if (entry === void 0) {
      if (this.entries.size >= this.limit) {
        this.overflow.addHash(h);
        this.overflowEvents++;
        return void 0;
      }
      entry = make();
      this.entries.set(h, entry);
    }
    entry.count++;
    return entry;
  }
  peek(key) {
    return this.entries.get(hash53(key));
  }
  /** Entries most counted first; ties keep first-seen order. */
  capped(toItem) {
    const items = [...this.entries.values()].map(toItem).sort((a, b) => b.count - a.count);
    return {
      items,
      omitted: this.overflow.count(),
      omittedEstimated: this.overflow.estimated,
      omittedEvents: this.overflowEvents
    };
  }
};
var TopCounted = class {
  constructor(keep) {
    this.keep = keep;
  }
  keep;
  entries = /* @__PURE__ */ new Map();
  seen = new DistinctCounter(LARGE);
  events = 0;
  hit(key, make) {
    const h = hash53(key);
    this.events++;
    this.seen.addHash(h);
    let entry = this.entries.get(h);
    if (entry === void 0) {
      if (this.entries.size >= 2 * this.keep) this.prune();
      entry = make();
      this.entries.set(h, entry);
    }
    entry.count++;
    return entry;
  }
  prune() {
    const top = [...this.entries].sort((a, b) => b[1].count - a[1].count).slice(0, this.keep);
    this.entries = new Map(top);
  }
  capped(toItem) {
    const all = [...this.entries.values()].sort((a, b) => b.count - a.count);
    const items = all.slice(0, this.keep).map(toItem);
    const kept = items.reduce((sum, item) => sum + item.count, 0);
    return {
      items,
      omitted: Math.max(0, this.seen.count() - items.length),
      omittedEstimated: this.seen.estimated,
      omittedEvents: this.events - kept
    };
  }
};

// src/report/modelTypes.ts
var DEFAULT_LIMITS = {
  rowLimit: 25,
  entryLimit: 1e3,
  readTopLimit: 100,
  treeNodeLimit: 200,
  stepLimit: 100,
  sampleLimit: 5
};
var FILE_GROUPS = ["workspace", "temp", "home", "proc", "system"];

// src/report/fileGroups.ts
function normaliseRoot(dir) {
  if (!dir) return void 0;
  const trimmed = dir.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}
function isUnder(path, root) {
  return root === "/" ? path.startsWith("/") : path === root || path.startsWith(`${root}/`);
}
function groupRoots(meta) {
  const roots = [
    [normaliseRoot(meta.workspace), "workspace"],
    [normaliseRoot(meta.tempDir), "temp"],
    ["/tmp", "temp"],
    ["/var/tmp", "temp"]
  ];
  return roots.filter((r) => r[0] !== void 0).sort((a, b) => b[0].length - a[0].length);
}
var PROC_PID = /^\/proc\/(\d+)(?:\/|$)/;
function classifyPath(path, pid, roots) {
  for (const [root, group] of roots) if (isUnder(path, root)) return group;
  const proc = PROC_PID.exec(path);
  if (proc !== null && Number(proc[1]) !== pid) return "proc";
  if (path.startsWith("/home/") || isUnder(path, "/root")) return "home";
  return "system";
}
function mergeCapped(parts) {
  return {
    items: parts.flatMap((p) => p.items),
    omitted: parts.reduce((n, p) => n + p.omitted, 0),
    omittedEstimated: parts.some((p) => p.omittedEstimated),
    omittedEvents: parts.reduce((n, p) => n + p.omittedEvents, 0)
  };
}
var GroupedFiles = class {
  /** `groupPath` is the path an entry is grouped by: the target, for moves and links. */
  constructor(collector, groupPath) {
    this.groupPath = groupPath;
    this.parts = Object.fromEntries(FILE_GROUPS.map((g) => [g, collector()]));
  }
  groupPath;
  parts;
  hit(group, key, make) {
    this.parts[group].hit(key, make);
  }
  /** Regroups with the final roots, which may differ from those known while streaming. */
  capped(roots) {
    const merged = mergeCapped(FILE_GROUPS.map((g) => this.parts[g].capped((v) => ({ ...v }))));
    for (const item of merged.items) item.group = classifyPath(this.groupPath(item), item.pid, roots);
    merged.items.sort((a, b) => b.count - a.count);
    return merged;
  }
};

// src/report/model.ts
var DOCKER_SOCKETS = ["/var/run/docker.sock", "/run/docker.sock"];
function isWrite(file) {
  if (file.access === "write" || file.access === "read_write") return true;
  return file.flags?.some((f) => f === "O_CREAT" || f === "O_TRUNC") ?? false;
}
function stepOf(e) {
  return e.step?.label || "job";
}
var MAX_SOURCES = 8;
var DomainAcc = class {
  constructor(name, sampleLimit) {
    this.name = name;
    this.queryTypes = new SampleSet(sampleLimit);
    this.answers = new SampleSet(sampleLimit);
    this.processes = new SampleSet(sampleLimit);
  }
  name;
  count = 0;
  sources = [];
  queryTypes;
  answers;
  processes;
  add(d, execPath) {
    if (!this.sources.includes(d.source) && this.sources.length < MAX_SOURCES) this.sources.push(d.source);
    if (d.query_type !== void 0) this.queryTypes.add(d.query_type, () => clip2(d.query_type ?? ""));
    for (const c of d.cnames ?? []) this.answers.add(`CNAME ${c}`, () => clip2(`CNAME ${c}`));
    for (const a of d.answers ?? []) this.answers.add(a, () => clip2(a));
    this.processes.add(execPath, () => clip2(execPath));
  }
  toEntry() {
    return {
      name: this.name,
      count: this.count,
      sources: [...this.sources],
      queryTypes: this.queryTypes.toSamples(),
      answers: this.answers.toSamples(),
      processes: this.processes.toSamples()
    };
  }
};
var StepAcc = class {
  constructor(label, nodeLimit) {
    this.label = label;
    this.nodeLimit = nodeLimit;
  }
  label;
  nodeLimit;
  count = 0;
  nodes = [];
  latestByPid = /* @__PURE__ */ new Map();
  omitted = 0;
  addExec(p) {
    if (this.nodes.length >= this.nodeLimit) {
      this.omitted++;
      return;
    }
    const node = { pid: p.pid, ppid: p.ppid, execPath: clip2(p.exec_path), argv: clipArgv(p.argv) };
    const previous = this.latestByPid.get(p.pid);
    const parent = previous ?? this.latestByPid.get(p.ppid);
    if (parent !== void 0) node.parent = parent;
    if (previous !== void 0) node.sameProcess = true;
    this.latestByPid.set(p.pid, this.nodes.length);
    this.nodes.push(node);
  }
  addExit(p) {
    const index = this.latestByPid.get(p.pid);
    if (index === void 0) return;
    const node = this.nodes[index];
    if (p.exit_code !== void 0) node.exitCode = p.exit_code;
    if (p.exit_signal !== void 0) node.exitSignal = p.exit_signal;
  }
  toTree() {
    const nodes = this.nodes.map((n) => ({ ...n, argv: [...n.argv] }));
    return { label: this.label, count: this.count, nodes, omitted: this.omitted };
  }
};
function zeroCounts() {
  return Object.fromEntries(EVENT_KINDS.map((k) => [k, 0]));
}
function positiveLimits(opts) {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS)) {
    const value = opts[key];
    if (value === void 0) continue;
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${key} must be a positive integer, got ${value}`);
    }
    limits[key] = value;
  }
  return limits;
}
var ReportBuilder = class {
  constructor(opts = {}) {
    this.opts = opts;
    this.limits = positiveLimits(opts);
    this.streamRoots = groupRoots(opts);
    const entries = this.limits.entryLimit;
    this.executables = new FirstSeen(entries);
    this.steps = new FirstSeen(this.limits.stepLimit);
    this.network = new FirstSeen(entries);
    this.domains = new FirstSeen(entries);
    this.unixSockets = new FirstSeen(entries);
    this.containers = new FirstSeen(entries);
    const top = this.limits.readTopLimit;
    this.written = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.read = new GroupedFiles(() => new TopCounted(top), (v) => v.path);
    this.removed = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.moved = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
    this.linked = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
  }
  opts;
  limits;
  streamRoots;
  byKind = zeroCounts();
  total = 0;
  firstTime;
  lastTime;
  executables;
  steps;
  network;
  domains;
  unixSockets;
  containers;
  written;
  read;
  removed;
  moved;
  linked;
  add(e) {
    this.countEvent(e);
    if (e.container !== void 0) this.addContainer(e.container);
    switch (e.kind) {
      case "process_exec":
        return this.addExec(e);
      case "process_exit":
        return this.steps.peek(stepOf(e))?.addExit(e.process);
      case "network_connect":
        return this.addConnect(e);
      case "domain":
        return this.addDomain(e);
      case "unix_socket_connect":
        return this.addUnixSocket(e);
      case "file_open":
      case "file_remove":
      case "file_move":
      case "file_link":
        return this.addFile(e);
    }
  }
  countEvent(e) {
    this.total++;
    this.byKind[e.kind] = (this.byKind[e.kind] ?? 0) + 1;
    if (this.firstTime === void 0 || e.time < this.firstTime) this.firstTime = e.time;
    if (this.lastTime === void 0 || e.time > this.lastTime) this.lastTime = e.time;
  }
  addContainer(c) {
    const entry = this.containers.hit(c.id, () => ({ id: clip2(c.id), count: 0 }));
    if (entry === void 0) return;
    if (entry.name === void 0 && c.name !== void 0) entry.name = clip2(c.name);
    if (entry.image === void 0 && c.image !== void 0) entry.image = clip2(c.image);
  }
  addExec(e) {
    const p = e.process;
    const sampleLimit = this.limits.sampleLimit;
    const exe = this.executables.hit(p.exec_path, () => ({
      execPath: clip2(p.exec_path),
      count: 0,
      argv: new SampleSet(sampleLimit)
    }));
    exe?.argv.add(p.argv.join("\0"), () => clipArgv(p.argv));
    const label = stepOf(e);
    const nodeLimit = this.limits.treeNodeLimit;
    this.steps.hit(label, () => new StepAcc(clip2(label), nodeLimit))?.addExec(p);
  }
  addConnect(e) {
    const n = e.network;
    if (n === void 0) return;
    const key = `${n.protocol}\0${n.address}\0${n.port}\0${n.domain ?? ""}`;
    this.network.hit(key, () => ({
      protocol: n.protocol,
      family: n.family,
      address: clip2(n.address),
      port: n.port,
      ...n.domain === void 0 ? {} : { domain: clip2(n.domain) },
      count: 0,
      execPath: clip2(e.process.exec_path),
      step: clip2(stepOf(e))
    }));
  }
  addDomain(e) {
    const d = e.domain;
    if (d === void 0) return;
    const sampleLimit = this.limits.sampleLimit;
    this.domains.hit(d.name, () => new DomainAcc(clip2(d.name), sampleLimit))?.add(d, e.process.exec_path);
  }
  addUnixSocket(e) {
    const path = e.unix_socket?.path;
    if (path === void 0) return;
    this.unixSockets.hit(path, () => ({
      path: clip2(path),
      count: 0,
      execPath: clip2(e.process.exec_path),
      step: clip2(stepOf(e)),
      bypass: (this.opts.dockerSockets ?? DOCKER_SOCKETS).includes(path)
    }));
  }
  addFile(e) {
    const f = e.file;
    if (f === void 0) return;
    const group = (path) => classifyPath(path, e.process.pid, this.streamRoots);
    const entry = () => ({
      path: clip2(f.path),
      group: "system",
      count: 0,
      pid: e.process.pid,
      execPath: clip2(e.process.exec_path),
      step: clip2(stepOf(e))
    });
    const target = f.target_path ?? "";
    const targetPath = clip2(target);
    if (e.kind === "file_open") (isWrite(f) ? this.written : this.read).hit(group(f.path), f.path, entry);
    else if (e.kind === "file_remove") this.removed.hit(group(f.path), f.path, entry);
    else if (e.kind === "file_move")
      this.moved.hit(group(target), `${f.path}\0${target}`, () => ({ ...entry(), targetPath }));
    else
      this.linked.hit(group(target), `${f.path}\0${target}`, () => ({
        ...entry(),
        targetPath,
        ...f.link_type === void 0 ? {} : { linkType: f.link_type }
      }));
  }
  build(status, meta) {
    const workspace = meta.workspace ?? this.opts.workspace;
    const tempDir = meta.tempDir ?? this.opts.tempDir;
    const roots = groupRoots({ workspace, tempDir });
    return {
      version: 1,
      job: { ...meta.job },
      ...meta.startedAt === void 0 ? {} : { startedAt: meta.startedAt },
      ...meta.endedAt === void 0 ? {} : { endedAt: meta.endedAt },
      endedEarly: meta.endedEarly ?? false,
      notes: [...meta.notes ?? []],
      ...workspace === void 0 ? {} : { workspace },
      ...tempDir === void 0 ? {} : { tempDir },
      rowLimit: this.limits.rowLimit,
      limits: { ...this.limits },
      status: structuredClone(status),
      events: this.totals(),
      processes: {
        executables: this.executables.capped((x) => ({
          execPath: x.execPath,
          count: x.count,
          argvSamples: x.argv.toSamples()
        })),
        trees: this.steps.capped((s) => s.toTree())
      },
      network: this.network.capped((n) => ({ ...n })),
      domains: this.domains.capped((d) => d.toEntry()),
      files: this.files(roots),
      unixSockets: this.unixSockets.capped((u) => ({ ...u })),
      containers: this.containers.capped((c) => ({ ...c }))
    };
  }
  totals() {
    return {
      total: this.total,
      byKind: { ...this.byKind },
      ...this.firstTime === void 0 ? {} : { firstTime: this.firstTime },
      ...this.lastTime === void 0 ? {} : { lastTime: this.lastTime }
    };
  }
  files(roots) {
    return {
      written: this.written.capped(roots),
      read: this.read.capped(roots),
      removed: this.removed.capped(roots),
      moved: this.moved.capped(roots),
      linked: this.linked.capped(roots)
    };
  }
};

// src/report/files.ts
import { writeFileSync as writeFileSync4 } from "node:fs";
import { join as join8 } from "node:path";

// src/report/escape.ts
var DEFAULT_MAX_CHARS = 200;
var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
var NAMED_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function visible(s) {
  return s.replace(INVISIBLE, escapeChar);
}
function escapeChar(ch) {
  const code = ch.charCodeAt(0);
  if (NAMED_ESCAPES[ch] !== void 0) return NAMED_ESCAPES[ch];
  return code <= 255 ? `\\x${hex(code, 2)}` : `\\u{${hex(code, 4)}}`;
}
function hex(code, width) {
  return code.toString(16).toUpperCase().padStart(width, "0");
}
function cap(s, max = DEFAULT_MAX_CHARS) {
  if (s.length <= max) return s;
  let end = Math.max(0, max);
  const last2 = s.charCodeAt(end - 1);
  if (last2 >= 55296 && last2 <= 56319) end -= 1;
  return `${s.slice(0, end)}\u2026 (${s.length} chars)`;
}
function plainText(s, max = DEFAULT_MAX_CHARS) {
  return visible(cap(s, max));
}
var MARKUP = /[&<>"'|`*_[\]#!~\\$]/g;
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function entity(ch) {
  return ENTITIES[ch] ?? `&#${ch.charCodeAt(0)};`;
}
function htmlText(s, max = DEFAULT_MAX_CHARS) {
  return plainText(s, max).replace(MARKUP, entity);
}
function mdCell(s, max = DEFAULT_MAX_CHARS) {
  return htmlText(s, max);
}
function mdCode(s, max = DEFAULT_MAX_CHARS) {
  return `<code>${htmlText(s, max)}</code>`;
}
var SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
function formatArgv(argv) {
  return argv.map(shellQuote).join(" ");
}
function shellQuote(arg) {
  if (SHELL_SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

// src/report/numbers.ts
function fmt(n) {
  return n.toLocaleString("en-US");
}
function binaryBytes(n) {
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${fmt(Math.round(n * 10) / 10)} ${units[unit]}`;
}

// src/report/statusRows.ts
function statusRows(model, cell) {
  const { status, events } = model;
  const attached = status.plan.filter((p) => p.mechanism !== "none").length;
  const rows = [
    ["Sensor", `${attached} of ${status.plan.length} hooks attached`],
    ["Events", fmt(events.total)],
    ["Lost records", fmt(status.lostRecords)],
    ["Undecodable records", fmt(status.undecodable)],
    ["Ring buffer", binaryBytes(status.ringbufBytes)]
  ];
  if (events.firstTime !== void 0 && events.lastTime !== void 0) {
    rows.push(["Events from", `${cell(events.firstTime)} to ${cell(events.lastTime)}`]);
  }
  if (model.startedAt !== void 0) rows.push(["Sensor started", cell(model.startedAt)]);
  if (model.endedAt !== void 0) rows.push(["Sensor ended", cell(model.endedAt)]);
  return rows;
}

// src/report/markdown.ts
var DEFAULT_MAX_BYTES = 1e6;
function renderMarkdown(model, opts = {}) {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let budget = fullBudget(model);
  for (; ; ) {
    const blocks = renderBlocks(model, budget, opts);
    const size = blocksBytes(blocks);
    if (size <= maxBytes) return joinBlocks(blocks);
    if (budget.rows === 1 && budget.treeNodes === 1) return fitBlocks(model, blocks, maxBytes);
    budget = shrink(budget, maxBytes / size);
  }
}
function fullBudget(model) {
  const mostNodes = Math.max(1, ...model.processes.trees.items.map((t) => t.nodes.length));
  return { rows: Math.max(1, model.rowLimit), treeNodes: mostNodes };
}
function shrink(budget, ratio) {
  const factor = Math.min(0.5, ratio);
  return {
    rows: Math.max(1, Math.floor(budget.rows * factor)),
    treeNodes: Math.max(1, Math.floor(budget.treeNodes * factor))
  };
}
function renderBlocks(model, budget, opts) {
  return [
    { title: "Header", text: header(model) },
    { title: "Notes", text: notes(model, opts) },
    { title: "Overview", text: overview(model) },
    { title: "Network destinations", text: networkSection(model, budget) },
    { title: "Domains", text: domainSection(model, budget) },
    { title: "Processes", text: executablesSection(model, budget) },
    ...treeBlocks(model, budget),
    ...fileBlocks(model, budget),
    { title: "Unix sockets", text: unixSocketSection(model, budget) },
    { title: "Containers", text: containerSection(model, budget) }
  ].filter((b) => b.text !== "");
}
function joinBlocks(blocks) {
  return blocks.map((b) => b.text).join("\n");
}
function blocksBytes(blocks) {
  return blocks.reduce((n, b) => n + byteLength(b.text) + SEPARATOR_BYTES, -SEPARATOR_BYTES);
}
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
var SEPARATOR_BYTES = 1;
var TITLES_IN_NOTE = 5;
function fitBlocks(model, blocks, maxBytes) {
  const [head, ...rest] = blocks;
  const kept = [];
  const dropped = [];
  let used = byteLength(head.text);
  for (const block of rest) {
    const size = SEPARATOR_BYTES + byteLength(block.text);
    if (used + size <= maxBytes) {
      kept.push(block);
      used += size;
    } else {
      dropped.push(block);
    }
  }
  let note = truncationNote(rest, dropped, maxBytes);
  while (kept.length > 0 && used + SEPARATOR_BYTES + byteLength(note) > maxBytes) {
    const last2 = kept.pop();
    used -= SEPARATOR_BYTES + byteLength(last2.text);
    dropped.push(last2);
    note = truncationNote(rest, dropped, maxBytes);
  }
  const text2 = joinBlocks([head, { title: "Left out", text: note }, ...kept]);
  return byteLength(text2) <= maxBytes ? text2 : fallback(model, maxBytes);
}
function truncationNote(all, dropped, maxBytes) {
  const inOrder = all.filter((b) => dropped.includes(b)).map((b) => htmlText(b.title, 60));
  const named2 = inOrder.slice(0, TITLES_IN_NOTE).join(", ");
  const more = inOrder.length > TITLES_IN_NOTE ? ` and ${inOrder.length - TITLES_IN_NOTE} more` : "";
  return `> [!NOTE]
> Left out to keep this summary under ${fmt(maxBytes)} bytes: ${named2}${more}. report.json has everything.
`;
}
function fallback(model, maxBytes) {
  const lost = model.status.lostRecords;
  const text2 = "# cicd-sensor report\n\n" + (lost > 0 ? `**${lost} records were lost in the kernel.**

` : "") + "The report is too large for the step summary; see report.json.\n";
  return text2.slice(0, Math.max(0, maxBytes));
}
function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n") + "\n";
}
var NONE = "_None observed._\n";
function moreLine(shown, kept, capped) {
  const parts = [];
  if (kept > shown) parts.push(`${fmt(kept - shown)} more in report.json`);
  if (capped !== void 0 && capped.omitted > 0) {
    const about = capped.omittedEstimated ? "about " : "";
    const events = fmt(capped.omittedEvents);
    parts.push(`${about}${fmt(capped.omitted)} more (${events} events) only in events.ndjson`);
  }
  return parts.length === 0 ? "" : `
_\u2026and ${parts.join("; ")}._
`;
}
function cappedTable(c, rows, headers, row) {
  if (c.items.length === 0 && c.omitted === 0) return NONE;
  const shown = c.items.slice(0, rows);
  return table(headers, shown.map(row)) + moreLine(shown.length, c.items.length, c);
}
function samples(s, max = 80) {
  const values = s.values.map((v) => mdCell(v, max)).join(", ");
  return s.omitted > 0 ? `${values} (+${fmt(s.omitted)})` : values;
}
function header(model) {
  const job = model.job;
  const facts = [
    job.workflow !== void 0 ? `workflow <b>${htmlText(job.workflow)}</b>` : "",
    job.repository !== void 0 ? `repository <b>${htmlText(job.repository)}</b>` : "",
    job.run_id !== void 0 ? `run ${htmlText(job.run_id)}` : "",
    job.run_attempt !== void 0 ? `attempt ${htmlText(job.run_attempt)}` : ""
  ].filter((f) => f !== "");
  const title = `# cicd-sensor report: ${htmlText(job.name ?? job.id)}
`;
  const line = facts.length > 0 ? `
${facts.join(" \xB7 ")}
` : "";
  return [title + line, ...warnings(model)].join("\n");
}
function warnings(model) {
  const { lostRecords, undecodable } = model.status;
  const out = [];
  if (lostRecords > 0) {
    out.push(
      `> [!WARNING]
> **${fmt(lostRecords)} records were lost in the kernel** (the ring buffer was full): activity is missing from this report and from events.ndjson.
`
    );
  }
  if (undecodable > 0) {
    out.push(
      `> [!WARNING]
> **${fmt(undecodable)} records could not be decoded** and are missing from this report.
`
    );
  }
  if (model.endedEarly) {
    out.push("> [!WARNING]\n> **The sensor stopped before the job ended**: later activity is missing.\n");
  }
  return out;
}
var MAX_NOTES = 20;
function notes(model, opts) {
  const lines = model.notes.slice(0, MAX_NOTES).map((n) => `- ${htmlText(n, 500)}`);
  const more = model.notes.length - MAX_NOTES;
  if (more > 0) lines.push(`- \u2026and ${fmt(more)} more notes in report.json`);
  if (opts.artifactNote !== void 0) lines.push(`- ${htmlText(opts.artifactNote, 500)}`);
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
function overview(model) {
  const rows = statusRows(model, (v) => mdCell(v));
  const statusTable = table(["Status", "Value"], rows);
  return ["## Overview\n", statusTable, attachPlan(model), eventsPerKind(model)].join("\n");
}
function attachPlan(model) {
  const counters = new Map(model.status.hooks.map((h) => [h.hook, h]));
  const rows = model.status.plan.map((p) => {
    const c = counters.get(p.hook);
    counters.delete(p.hook);
    const unavailable = (p.unavailable ?? []).map((u) => mdCell(`${u.mechanism} ${u.target}: ${u.error}`));
    const where = [mdCell(p.hook), mdCell(p.mechanism), mdCell(p.target)];
    return [...where, ...counterCells(c), unavailable.join("<br>")];
  });
  for (const c of counters.values()) rows.push([mdCell(c.hook), "not in plan", "", ...counterCells(c), ""]);
  if (rows.length === 0) return "### Attach plan\n\n_No hooks were planned._\n";
  const headers = ["Hook", "Mechanism", "Target", "Sent", "Lost", "Suppressed", "Unavailable"];
  return `### Attach plan

${table(headers, rows)}`;
}
function counterCells(c) {
  return c === void 0 ? ["", "", ""] : [fmt(c.sent), fmt(c.lost), fmt(c.suppressed)];
}
function eventsPerKind(model) {
  const byKind = model.events.byKind;
  const known = [...EVENT_KINDS];
  const kinds = [...known, ...Object.keys(byKind).filter((k) => !known.includes(k))];
  const rows = kinds.map((k) => [mdCell(k), fmt(byKind[k] ?? 0)]);
  return `### Events per kind

${table(["Kind", "Events"], rows)}`;
}
function networkSection(model, budget) {
  const headers = ["Protocol", "Address", "Port", "Domain", "Connections", "First process", "Step"];
  const body = cappedTable(model.network, budget.rows, headers, (n) => [
    mdCell(n.protocol),
    mdCell(n.address),
    String(n.port),
    n.domain === void 0 ? "" : mdCell(n.domain),
    fmt(n.count),
    mdCode(n.execPath),
    mdCell(n.step, 80)
  ]);
  return `## Network destinations

${body}`;
}
function domainSection(model, budget) {
  const headers = ["Domain", "Seen", "Sources", "Query types", "Answers", "Processes"];
  const body = cappedTable(model.domains, budget.rows, headers, (d) => [
    mdCell(d.name),
    fmt(d.count),
    d.sources.map((s) => mdCell(s)).join(", "),
    samples(d.queryTypes),
    samples(d.answers),
    samples(d.processes)
  ]);
  return `## Domains

${body}`;
}
function executablesSection(model, budget) {
  const headers = ["Executable", "Runs", "Arguments (samples)"];
  const body = cappedTable(model.processes.executables, budget.rows, headers, (x) => {
    const argv = x.argvSamples.values.map((a) => mdCode(formatArgv(a)));
    if (x.argvSamples.omitted > 0) argv.push(`+${fmt(x.argvSamples.omitted)} other argument lists`);
    return [mdCode(x.execPath), fmt(x.count), argv.join("<br>")];
  });
  return `## Processes

### Top executables

${body}`;
}
function treeBlocks(model, budget) {
  const trees = model.processes.trees;
  const kept = trees.items.length;
  const intro = kept === 0 && trees.omitted === 0 ? NONE : `Processes of each step in the order they started.
${moreLine(kept, kept, trees)}`;
  return [
    { title: "Process trees", text: `### Process trees

${intro}` },
    ...trees.items.map((t) => ({ title: `Process tree of ${t.label}`, text: stepTree(t, budget.treeNodes) }))
  ];
}
var MAX_DEPTH = 10;
function stepTree(tree, maxNodes) {
  const lines = treeLines(tree.nodes, maxNodes);
  const processes = tree.count === 1 ? "1 process" : `${fmt(tree.count)} processes`;
  const more = moreLine(lines.length, tree.nodes.length);
  const omitted = tree.omitted > 0 ? `
_\u2026and ${fmt(tree.omitted)} later processes only in events.ndjson._
` : "";
  return `<details><summary>${htmlText(tree.label, 120)} \u2014 ${processes}</summary>

${lines.join("\n")}
${more}${omitted}
</details>
`;
}
function treeLines(nodes, maxNodes) {
  const children = /* @__PURE__ */ new Map();
  const roots = [];
  nodes.forEach((n, i) => {
    if (n.parent === void 0 || n.parent >= i) roots.push(i);
    else if (children.has(n.parent)) children.get(n.parent)?.push(i);
    else children.set(n.parent, [i]);
  });
  const lines = [];
  const stack = roots.reverse().map((i) => [i, 0]);
  while (stack.length > 0 && lines.length < maxNodes) {
    const [index, depth] = stack.pop();
    lines.push(nodeLine(nodes[index], depth));
    for (const child of (children.get(index) ?? []).reverse()) stack.push([child, depth + 1]);
  }
  return lines;
}
function nodeLine(node, depth) {
  const indent = "  ".repeat(Math.min(depth, MAX_DEPTH));
  const deep = depth > MAX_DEPTH ? `(depth ${depth}) ` : "";
  const exec = node.sameProcess === true ? "exec \u2192 " : "";
  const facts = [`pid ${node.pid}`];
  if (node.exitCode !== void 0) facts.push(`exit ${node.exitCode}`);
  if (node.exitSignal !== void 0) facts.push(`signal ${node.exitSignal}`);
  const argv = mdCode(formatArgv(node.argv));
  return `${indent}- ${deep}${exec}${mdCode(node.execPath)} ${argv} \xB7 ${facts.join(", ")}`;
}
var GROUP_TITLES = {
  workspace: "Workspace",
  temp: "Temporary directories",
  home: "Home directories",
  proc: "Other processes (/proc)",
  system: "System"
};
var fileRow = (f) => [mdCell(f.path), fmt(f.count), mdCode(f.execPath), mdCell(f.step, 80)];
var moveRow = (f) => [mdCell(f.path), mdCell(f.targetPath), fmt(f.count), mdCode(f.execPath)];
var linkRow = (f) => [
  mdCell(f.targetPath),
  mdCell(f.path),
  mdCell(f.linkType ?? ""),
  fmt(f.count),
  mdCode(f.execPath)
];
function fileBlocks(model, budget) {
  const { written, read, removed, moved, linked } = model.files;
  const rows = budget.rows;
  const plain = (count) => ["Path", count, "First process", "Step"];
  const moveHeaders = ["From", "To", "Moves", "First process"];
  const linkHeaders = ["New link", "Points to", "Type", "Links", "First process"];
  return [
    { title: "Files", text: "## Files\n" },
    { title: "Files written", text: fileSection("Written", written, rows, plain("Opens"), fileRow) },
    { title: "Files read", text: fileSection("Read (most read first)", read, rows, plain("Opens"), fileRow) },
    { title: "Files removed", text: fileSection("Removed", removed, rows, plain("Removals"), fileRow) },
    { title: "Files moved", text: fileSection("Moved", moved, rows, moveHeaders, moveRow) },
    { title: "Files linked", text: fileSection("Linked", linked, rows, linkHeaders, linkRow) }
  ];
}
function fileSection(title, files, rows, headers, row) {
  if (files.items.length === 0 && files.omitted === 0) return `### ${title}

${NONE}`;
  const groups = FILE_GROUPS.map((g) => {
    const items = files.items.filter((f) => f.group === g);
    if (items.length === 0) return "";
    const shown = items.slice(0, rows);
    const heading = `#### ${GROUP_TITLES[g]} (${fmt(items.length)})

`;
    return heading + table(headers, shown.map(row)) + moreLine(shown.length, items.length);
  });
  const omitted = moreLine(0, 0, files);
  return [`### ${title}
`, ...groups.filter((g) => g !== ""), omitted].filter((s) => s !== "").join("\n");
}
function unixSocketSection(model, budget) {
  const sockets = model.unixSockets;
  const items = [...sockets.items].sort((a, b) => Number(b.bypass) - Number(a.bypass));
  const alert = items.some((u) => u.bypass) ? "> [!WARNING]\n> The job used the docker daemon's socket directly: containers started this way are not attributed to the job.\n\n" : "";
  const headers = ["Socket", "Connections", "First process", "Step", "Note"];
  const body = cappedTable({ ...sockets, items }, budget.rows, headers, (u) => [
    mdCell(u.path),
    fmt(u.count),
    mdCode(u.execPath),
    mdCell(u.step, 80),
    u.bypass ? "**bypass**: containers started this way are not attributed" : ""
  ]);
  return `## Unix sockets

${alert}${body}`;
}
function containerSection(model, budget) {
  const headers = ["Container", "Name", "Image", "Events"];
  const body = cappedTable(model.containers, budget.rows, headers, (c) => [
    mdCode(c.id, 64),
    c.name === void 0 ? "" : mdCell(c.name),
    c.image === void 0 ? "" : mdCell(c.image),
    fmt(c.count)
  ]);
  return `## Containers

${body}`;
}

// src/report/files.ts
function writeReportFiles(dir, model) {
  const paths = {
    events: join8(dir, "events.ndjson"),
    summary: join8(dir, "summary.md"),
    report: join8(dir, "report.json")
  };
  writeFileSync4(paths.summary, renderMarkdown(model));
  writeFileSync4(paths.report, JSON.stringify(model, null, 2) + "\n");
  return paths;
}

// src/daemon/jobCgroup.ts
import { existsSync as existsSync6, readdirSync, readFileSync as readFileSync6, rmdirSync as rmdirSync2 } from "node:fs";
import { join as join9 } from "node:path";
var JobCgroupError = class extends Error {
};
var comm = (pid) => {
  try {
    return readFileSync6(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return void 0;
  }
};
var parentPid = (pid) => {
  try {
    const stat = readFileSync6(`/proc/${pid}/stat`, "latin1");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return void 0;
  }
};
function findRunnerWorker(pid) {
  for (let p = pid, depth = 0; p && p > 1 && depth < 64; p = parentPid(p), depth++) {
    if (comm(p) === "Runner.Worker") return p;
  }
  return void 0;
}
function subtree(pid) {
  const children = /* @__PURE__ */ new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentPid(Number(name));
    if (ppid !== void 0) children.set(ppid, [...children.get(ppid) ?? [], Number(name)]);
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    out.push(p);
    queue.push(...children.get(p) ?? []);
  }
  return out;
}
function cgroupOf(pid, root) {
  const rel = processCgroup(pid);
  if (rel === void 0) throw new JobCgroupError(`process ${pid} does not exist or has no cgroup v2 membership`);
  if (rel === "/") {
    throw new JobCgroupError(`process ${pid} is in the root cgroup; refusing to track the whole host`);
  }
  return join9(root, rel);
}
function isolateWorker(worker, root, jobId) {
  const rel = processCgroup(worker);
  if (rel === void 0) throw new JobCgroupError(`Runner.Worker (pid ${worker}) has no cgroup v2 membership`);
  const current = join9(root, rel);
  const pids = subtree(worker).filter((p) => processCgroup(p) === processCgroup(worker));
  let target;
  try {
    target = createCgroup(current, `cicd-sensor-${jobId}`);
    for (const pid of pids) {
      try {
        moveProcess(target, pid);
      } catch (err) {
        if (pid === worker) throw err;
      }
    }
    return { path: target, workerPid: worker, isolated: true, pids };
  } catch (err) {
    if (target) {
      try {
        rmdirSync2(target);
      } catch {
      }
    }
    const why = err instanceof Error ? err.message : String(err);
    if (rel === "/") throw new JobCgroupError(`Runner.Worker could not be moved out of the root cgroup (${why}); refusing to track the whole host`);
    return {
      path: current,
      workerPid: worker,
      isolated: false,
      note: `Runner.Worker could not be moved into a cgroup of its own (${why}); its whole cgroup is tracked, so other runner processes in it are recorded too`,
      pids: subtree(worker)
    };
  }
}
function chooseJobCgroup(req, root, jobId) {
  if (req.cgroup !== void 0) {
    const path2 = req.cgroup.startsWith(root) ? req.cgroup : join9(root, req.cgroup);
    if (path2 === root || path2 === `${root}/`) throw new JobCgroupError("refusing to track the root cgroup (the whole host)");
    if (!existsSync6(join9(path2, "cgroup.procs"))) throw new JobCgroupError(`${path2} is not a cgroup v2 directory`);
    return { path: path2, isolated: false, pids: cgroupProcs(path2) };
  }
  const pid = req.pid;
  const worker = findRunnerWorker(pid);
  if (worker !== void 0) return isolateWorker(worker, root, jobId);
  const path = cgroupOf(pid, root);
  return { path, isolated: false, pids: cgroupProcs(path) };
}

// src/daemon/jobs.ts
var JobManager = class {
  constructor(stateDir, cgroupRoot, tracker, owner) {
    this.stateDir = stateDir;
    this.cgroupRoot = cgroupRoot;
    this.tracker = tracker;
    this.owner = owner;
  }
  stateDir;
  cgroupRoot;
  tracker;
  owner;
  active = /* @__PURE__ */ new Map();
  dockerBypassPaths;
  giveToOwner(...paths) {
    if (!this.owner) return;
    for (const p of paths) if (existsSync7(p)) chownSync2(p, this.owner.uid, this.owner.gid);
  }
  /** Where the real docker socket can be reached around the proxy. */
  setDockerBypassPaths(paths) {
    this.dockerBypassPaths = paths;
  }
  note(jobId, message) {
    this.active.get(jobId)?.notes.add(message);
  }
  ids() {
    return [...this.active.keys()];
  }
  register(identity2, target) {
    if (this.active.has(identity2.id)) throw new Error(`job ${identity2.id} is already registered`);
    const choice = chooseJobCgroup(target, this.cgroupRoot, identity2.id);
    const dir = join10(this.stateDir, "jobs", identity2.id);
    mkdirSync3(dir, { recursive: true, mode: 448 });
    rmSync5(join10(dir, "events.ndjson"), { force: true });
    rmSync5(join10(dir, "job.json"), { force: true });
    const report = new ReportBuilder({ workspace: process.env.GITHUB_WORKSPACE, dockerSockets: this.dockerBypassPaths });
    const writer = new EventLogWriter(join10(dir, "events.ndjson"), (e) => report.add(e));
    this.giveToOwner(join10(this.stateDir, "jobs"), dir, writer.path);
    try {
      this.tracker.registerJob(identity2, [{ id: cgroupId(choice.path), path: choice.path }], writer, {
        workerPid: choice.workerPid
      });
      this.tracker.bootstrap(identity2.id, choice.pids);
    } catch (err) {
      writer.close();
      if (this.tracker.jobIds().includes(identity2.id)) this.tracker.unregisterJob(identity2.id);
      throw err;
    }
    const notes2 = new Set(choice.note ? [choice.note] : []);
    this.active.set(identity2.id, { identity: identity2, notes: notes2, dir, writer, report, choice, startedAt: (/* @__PURE__ */ new Date()).toISOString() });
    return {
      id: identity2.id,
      cgroup: choice.path,
      isolated: choice.isolated,
      note: choice.note,
      workerPid: choice.workerPid,
      events: writer.path
    };
  }
  /** Call after the ring buffer is drained: nothing of the job is left in flight. */
  unregister(id, status, endedBy = "unregister") {
    const job = this.active.get(id);
    if (!job) throw new Error(`no job ${id} is registered`);
    this.active.delete(id);
    const delivered = this.tracker.unregisterJob(id);
    job.writer.close();
    this.undoIsolation(job.choice);
    const endedAt = (/* @__PURE__ */ new Date()).toISOString();
    const notes2 = [...job.notes];
    const model = job.report.build(status, {
      job: job.identity,
      startedAt: job.startedAt,
      endedAt,
      workspace: process.env.GITHUB_WORKSPACE,
      notes: notes2
    });
    const paths = writeReportFiles(job.dir, model);
    const marker = { job: job.identity, startedAt: job.startedAt, endedAt, endedBy, delivered, cgroup: job.choice.path };
    writeFileSync5(join10(job.dir, "job.json"), JSON.stringify(marker, null, 2) + "\n");
    this.giveToOwner(paths.summary, paths.report, join10(job.dir, "job.json"));
    return { id, dir: job.dir, delivered, ...paths };
  }
  /** Flushes every job's log (after each batch). */
  flush() {
    for (const job of this.active.values()) job.writer.flush();
  }
  /** Puts an isolated worker back where it was and removes the job's cgroup. */
  undoIsolation(choice) {
    if (!choice.isolated || !existsSync7(choice.path)) return;
    const parent = join10(choice.path, "..");
    for (const pid of cgroupProcs(choice.path)) {
      try {
        moveProcess(parent, pid);
      } catch {
      }
    }
    try {
      rmdirSync3(choice.path);
    } catch {
    }
  }
};

// src/daemon/docker.ts
import { chmodSync as chmodSync2, chownSync as chownSync3, existsSync as existsSync8, rmSync as rmSync6, statSync as statSync2 } from "node:fs";
import { join as join11 } from "node:path";

// src/proxy/server.ts
import http from "node:http";
import net3 from "node:net";

// src/native/peer.ts
function peerPid(socket) {
  const fd = socket._handle?.fd;
  if (fd === void 0 || fd < 0) return void 0;
  const pid = nativeApi().cs_peer_pid(fd);
  return pid > 0 ? pid : void 0;
}

// src/proxy/decide.ts
var VERSIONED = /^\/v\d+(?:\.\d+)?(\/.*)$/;
function unversioned(path) {
  const q = path.indexOf("?");
  const bare = q >= 0 ? path.slice(0, q) : path;
  return VERSIONED.exec(bare)?.[1] ?? bare;
}
function classify(method, url) {
  if (method !== "POST" || !url) return "forward";
  const path = unversioned(url);
  if (path === "/containers/create") return "container-create";
  if (path === "/build") return "build";
  return "forward";
}
function requestedName(url) {
  const q = url.indexOf("?");
  if (q < 0) return void 0;
  const name = new URLSearchParams(url.slice(q + 1)).get("name");
  return name ? name.replace(/^\//, "") : void 0;
}
function requestedImage(body) {
  if (!body || body.length === 0) return void 0;
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    return typeof parsed.Image === "string" ? parsed.Image : void 0;
  } catch {
    return void 0;
  }
}
var CONTAINER_ID = /^[0-9a-f]{64}$/;
function createdId(body) {
  if (!body) return void 0;
  try {
    const id = JSON.parse(body.toString("utf8")).Id;
    return typeof id === "string" && CONTAINER_ID.test(id) ? id : void 0;
  } catch {
    return void 0;
  }
}
function cgroupDriverFromInfo(body) {
  try {
    const driver = JSON.parse(body?.toString("utf8") ?? "").CgroupDriver;
    return driver === "systemd" || driver === "cgroupfs" ? driver : void 0;
  } catch {
    return void 0;
  }
}
function containerCgroupBasename(id, driver) {
  return driver === "systemd" ? `docker-${id}.scope` : id;
}

// src/proxy/server.ts
var MAX_INSPECTED_BYTES = 1 << 20;
function upstreamError(res, upstream, err) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${upstream} is unavailable: ${err.message}` });
  res.writeHead(502, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
function tee(stream) {
  const chunks = [];
  let size = 0;
  let overflow = false;
  stream.on("data", (chunk) => {
    if (overflow) return;
    size += chunk.length;
    if (size > MAX_INSPECTED_BYTES) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(chunk);
  });
  return () => overflow ? void 0 : Buffer.concat(chunks);
}
var DockerProxy = class {
  constructor(upstream, hooks) {
    this.upstream = upstream;
    this.hooks = hooks;
    this.agent = new http.Agent({ keepAlive: true, socketPath: upstream });
    this.server = http.createServer(
      { requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 0 },
      (req, res) => this.forward(req, res)
    );
    this.server.on("upgrade", (req, socket, head) => this.pipeUpgrade(req, socket, head));
    this.server.on("clientError", (_err, socket) => socket.destroy());
  }
  upstream;
  hooks;
  server;
  agent;
  driver;
  listen(path) {
    return new Promise((resolve2, reject) => {
      this.server.once("error", reject);
      this.server.listen(path, () => resolve2());
    });
  }
  close() {
    this.server.close();
    this.server.closeAllConnections();
    this.agent.destroy();
  }
  forward(req, res) {
    const kind = classify(req.method, req.url);
    const upReq = http.request({
      agent: this.agent,
      socketPath: this.upstream,
      method: req.method,
      path: req.url,
      headers: req.rawHeaders
    });
    const requestBody = kind === "container-create" ? tee(req) : void 0;
    if (kind === "build") this.noteBuild(req);
    upReq.on("error", (err) => upstreamError(res, this.upstream, err));
    upReq.on("response", (upRes) => {
      if (kind === "container-create" && upRes.statusCode === 201) {
        this.relayCreate(req, res, upRes, requestBody?.());
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, upRes.rawHeaders);
      res.flushHeaders();
      upRes.pipe(res);
      upRes.on("error", () => res.destroy());
    });
    res.on("close", () => {
      if (!res.writableFinished) upReq.destroy();
    });
    req.pipe(upReq);
  }
  noteBuild(req) {
    const pid = peerPid(req.socket);
    const jobId = pid === void 0 ? void 0 : this.hooks.jobOfPid(pid);
    if (jobId === void 0) return;
    this.hooks.note(
      jobId,
      "docker build ran through the proxy: its RUN steps execute in containers the builder creates itself, which are not attributed to the job."
    );
  }
  /** Holds the create reply until the container's cgroup is staged. */
  relayCreate(req, res, upRes, requestBody) {
    const chunks = [];
    upRes.on("data", (c) => chunks.push(c));
    upRes.on("error", () => res.destroy());
    upRes.on("end", () => {
      const body = Buffer.concat(chunks);
      const done = () => {
        res.writeHead(upRes.statusCode ?? 201, upRes.statusMessage, upRes.rawHeaders);
        res.end(body);
      };
      this.stageCreate(req, body, requestBody).then(done, (err) => {
        this.hooks.log(`docker proxy: staging failed: ${err.message}`);
        done();
      });
    });
  }
  async stageCreate(req, body, requestBody) {
    const pid = peerPid(req.socket);
    const jobId = pid === void 0 ? void 0 : this.hooks.jobOfPid(pid);
    const id = createdId(body);
    if (jobId === void 0 || id === void 0) return;
    const driver = await this.cgroupDriver();
    const container = { id, name: requestedName(req.url ?? ""), image: requestedImage(requestBody) };
    this.hooks.stage(jobId, containerCgroupBasename(id, driver), container);
  }
  /** Asked of the daemon once: which cgroup name a container will get. */
  async cgroupDriver() {
    if (this.driver) return this.driver;
    const body = await new Promise((resolve2, reject) => {
      http.get({ agent: this.agent, socketPath: this.upstream, path: "/info" }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve2(Buffer.concat(chunks)));
        res.on("error", reject);
      }).on("error", reject);
    });
    this.driver = cgroupDriverFromInfo(body) ?? "cgroupfs";
    return this.driver;
  }
  /**
   * attach and exec hijack their connection. The request goes upstream as
   * the client sent it, and from then on bytes flow both ways untouched; an
   * end from either side is passed on as a half-close.
   */
  pipeUpgrade(req, client, head) {
    const up = net3.connect({ path: this.upstream, allowHalfOpen: true });
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    up.on("connect", () => {
      up.write(lines.join("\r\n") + "\r\n\r\n");
      if (head.length) up.write(head);
      client.pipe(up);
      up.pipe(client);
    });
    up.on("error", (err) => {
      if (!client.destroyed) {
        const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${this.upstream} is unavailable: ${err.message}` });
        client.end(`HTTP/1.1 502 Bad Gateway\r
Content-Type: application/json\r
Content-Length: ${Buffer.byteLength(body)}\r
\r
${body}`);
      }
    });
    client.on("error", () => up.destroy());
    up.on("close", (hadError) => hadError ? client.destroy() : client.end());
    client.on("close", () => up.destroy());
  }
};

// src/daemon/docker.ts
var isSocket = (path) => {
  try {
    return statSync2(path).isSocket();
  } catch {
    return false;
  }
};
function resolveUpstream(explicit) {
  if (explicit) return explicit;
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith("unix://")) return host.slice("unix://".length);
  return isSocket("/var/run/docker.sock") ? "/var/run/docker.sock" : void 0;
}
function jobOfPid(pid, cgroupRoot, tracker) {
  const rel = processCgroup(pid);
  if (rel === void 0) return void 0;
  try {
    return tracker.jobOfCgroup(Number(cgroupId(join11(cgroupRoot, rel))));
  } catch {
    return void 0;
  }
}
async function startDocker(opts) {
  repairInterposition(opts.socketDir);
  const upstream = resolveUpstream(opts.upstream);
  if (!upstream || !existsSync8(upstream)) {
    opts.log.info("docker proxy: no Docker daemon socket found; not started");
    return void 0;
  }
  const proxyPath = join11(opts.socketDir, "docker.sock");
  const interposed = opts.interpose;
  const forwardTo = interposed ? join11(opts.socketDir, "docker.upstream.sock") : upstream;
  const proxy = new DockerProxy(forwardTo, {
    jobOfPid: (pid) => jobOfPid(pid, opts.cgroupRoot, opts.tracker),
    stage: (jobId, basename2, container) => {
      opts.tracker.stage(jobId, basename2, container);
      opts.log.info(`docker proxy: staged ${basename2} (${container.image ?? "?"}) for job ${jobId}`);
    },
    note: opts.note,
    log: (m) => opts.log.warn(m)
  });
  rmSync6(proxyPath, { force: true });
  await proxy.listen(proxyPath);
  const real = statSync2(upstream);
  chownSync3(proxyPath, 0, real.gid);
  chmodSync2(proxyPath, real.mode & 511);
  let interposition;
  try {
    if (interposed) interposition = interpose(opts.socketDir, upstream, proxyPath);
  } catch (err) {
    proxy.close();
    throw new Error(`cannot put the docker proxy on ${upstream}: ${err.message}`);
  }
  opts.log.info(`docker proxy: ${proxyPath} -> ${forwardTo}${interposition ? ` (also on ${interposition.defaultPath})` : ""}`);
  return {
    proxyPath,
    upstream,
    interposition,
    bypassPaths: interposition ? [interposition.upstreamPath] : [upstream, "/var/run/docker.sock", "/run/docker.sock"],
    close: () => {
      if (interposition) repairInterposition(opts.socketDir);
      proxy.close();
    }
  };
}

// src/daemon/daemon.ts
var JOB_MAX_AGE_MS = 24 * 3600 * 1e3;
var TICK_MS = 1e3;
var STAGING_MAX_AGE_MS = 3600 * 1e3;
var DaemonStartError = class extends Error {
};
function isolateSelf(cgroupRoot) {
  removeDeadDaemonCgroups(join12(cgroupRoot, "cicd-sensor"));
  const own = createCgroup(cgroupRoot, `cicd-sensor/daemon-${process.pid}`);
  moveProcess(own, process.pid);
  return own;
}
function socketOwner() {
  const uid = Number(process.env.SUDO_UID);
  const gid = Number(process.env.SUDO_GID);
  return Number.isInteger(uid) && Number.isInteger(gid) && process.env.SUDO_UID ? { uid, gid } : void 0;
}
var Daemon = class {
  constructor(opts, sensor, plan, cgroupRoot) {
    this.opts = opts;
    this.sensor = sensor;
    this.plan = plan;
    this.cgroupRoot = cgroupRoot;
    this.tracker = new KernelTracker(sensor, Sensor.bootToRealtimeNs());
    this.jobs = new JobManager(opts.stateDir, cgroupRoot, this.tracker, socketOwner());
    this.pump = new Pump(sensor, this.tracker, { afterBatch: () => this.jobs.flush() });
  }
  opts;
  sensor;
  plan;
  cgroupRoot;
  tracker;
  jobs;
  pump;
  startedAt = (/* @__PURE__ */ new Date()).toISOString();
  server;
  docker;
  ticker;
  stopRequested;
  stopped = new Promise((resolve2) => this.stopRequested = resolve2);
  async start() {
    this.pump.start();
    if (this.opts.dockerProxy) {
      this.docker = await startDocker({
        socketDir: this.opts.stateDir,
        upstream: this.opts.dockerUpstream,
        interpose: this.opts.interposeDocker,
        cgroupRoot: this.cgroupRoot,
        tracker: this.tracker,
        log: this.opts.log,
        note: (jobId, message) => this.jobs.note(jobId, message)
      });
      if (this.docker) this.jobs.setDockerBypassPaths(this.docker.bypassPaths);
    }
    this.server = await listenControl({
      path: controlSocketPath(this.opts.stateDir),
      handler: (req) => this.handle(req),
      owner: socketOwner(),
      onError: (err) => this.opts.log.error(`control socket: ${err.message}`)
    });
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }
  status() {
    return sensorStatus(this.plan, this.sensor.counters(), this.tracker.counts, this.opts.ringbufBytes);
  }
  tick() {
    this.tracker.reconcile();
    this.tracker.expireStaging(STAGING_MAX_AGE_MS);
    for (const id of this.tracker.staleJobs(JOB_MAX_AGE_MS)) {
      this.opts.log.warn(`job ${id} was never unregistered; closing it after 24 h`);
      this.jobs.unregister(id, this.status(), "expired after 24 h");
    }
  }
  async handle(req) {
    switch (req.op) {
      case "register": {
        const result = this.jobs.register(req.job, { pid: req.pid, cgroup: req.cgroup });
        this.opts.log.info(`registered job ${req.job.id} on ${result.cgroup}`);
        const docker = this.docker ? { dockerHost: `unix://${this.docker.proxyPath}` } : {};
        return { ok: true, ...result, ...docker };
      }
      case "unregister": {
        await this.pump.settle();
        const result = this.jobs.unregister(req.id, this.status());
        this.opts.log.info(`unregistered job ${req.id} (${result.delivered} events)`);
        return { ok: true, ...result };
      }
      case "stats":
        return { ok: true, ...this.stats() };
      case "stop":
        setImmediate(() => this.stopRequested());
        return { ok: true, stopping: true };
    }
  }
  stats() {
    const status = this.status();
    return {
      pid: process.pid,
      startedAt: this.startedAt,
      plan: status.plan,
      hooks: status.hooks,
      lostRecords: status.lostRecords,
      undecodable: status.undecodable,
      unattributed: this.tracker.counts.unattributed,
      ownerless: this.tracker.counts.ownerless,
      linksAlive: this.sensor.linksAlive(),
      processes: this.tracker.processCount(),
      mirror: this.tracker.mirrorSizes(),
      maps: this.sensor.mapIds(),
      jobs: this.jobs.ids().map((id) => ({ id, delivered: this.tracker.delivered(id) })),
      docker: this.docker ? { proxy: this.docker.proxyPath, upstream: this.docker.upstream, interposed: this.docker.interposition?.defaultPath ?? null } : null
    };
  }
  requestStop() {
    this.stopRequested();
  }
  /** Drains the kernel, closes every job with its report, detaches. */
  async shutdown(reason) {
    if (this.ticker) clearInterval(this.ticker);
    this.server?.close();
    this.docker?.close();
    await this.pump.stop();
    for (const id of this.jobs.ids()) {
      try {
        this.jobs.unregister(id, this.status(), reason);
      } catch (err) {
        this.opts.log.error(`closing job ${id}: ${err.message}`);
      }
    }
    this.sensor.close();
    rmSync7(controlSocketPath(this.opts.stateDir), { force: true });
  }
};
function removeDeadDaemonCgroups(parent) {
  let entries;
  try {
    entries = readdirSync2(parent);
  } catch {
    return;
  }
  for (const name of entries) {
    const pid = /^daemon-(\d+)$/.exec(name)?.[1];
    if (pid !== void 0 && !isLiveDaemon(Number(pid))) removeIfUnused(join12(parent, name));
  }
}
function leaveOwnCgroup(own) {
  try {
    moveProcess(join12(own, "..", ".."), process.pid);
    rmdirSync4(own);
    removeIfUnused(join12(own, ".."));
  } catch {
  }
}
async function runDaemon(opts) {
  mkdirSync4(join12(opts.stateDir, "jobs"), { recursive: true, mode: 448 });
  chmodSync3(opts.stateDir, 457);
  acquireInstance(opts.stateDir);
  let ownCgroup;
  try {
    const started = startSensor(opts.ringbufBytes, opts.noFunctionHooks);
    if (!started.ok) throw new DaemonStartError(`cannot monitor: ${started.reason}`);
    ownCgroup = isolateSelf(started.cgroupRoot);
    const daemon = new Daemon(opts, started.sensor, started.plan, started.cgroupRoot);
    await daemon.start();
    let reason = "daemon stopped";
    const onSignal = (signal) => {
      reason = `daemon stopped by ${signal}`;
      daemon.requestStop();
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
    writeFileSync6(join12(opts.stateDir, "ready"), JSON.stringify({ pid: process.pid, cgroup: ownCgroup }) + "\n");
    opts.log.info(`ready: pid ${process.pid}, cgroup ${ownCgroup}`);
    opts.onReady({ pid: process.pid, socket: controlSocketPath(opts.stateDir) });
    await daemon.stopped;
    opts.log.info(`stopping: ${reason}`);
    await daemon.shutdown(reason);
    opts.log.info("stopped");
    return 0;
  } finally {
    rmSync7(join12(opts.stateDir, "ready"), { force: true });
    if (ownCgroup) leaveOwnCgroup(ownCgroup);
    releaseInstance(opts.stateDir);
  }
}

// src/daemon/log.ts
import { appendFileSync } from "node:fs";
function fileLogger(path, echo = false) {
  const write = (level, message) => {
    const line = `${(/* @__PURE__ */ new Date()).toISOString()} ${level} ${message}
`;
    try {
      appendFileSync(path, line);
    } catch {
    }
    if (echo) process.stderr.write(line);
  };
  return {
    info: (m) => write("info", m),
    warn: (m) => write("warn", m),
    error: (m) => write("error", m)
  };
}

// src/daemon/main.ts
function tell(line) {
  try {
    process.stdout.write(`${line}
`);
  } catch {
  }
}
async function trackerMain(argv) {
  let parsed;
  try {
    parsed = parseArgs(["daemon", ...argv]);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    tell(`error: ${err.message}`);
    return 2;
  }
  if (parsed.help || parsed.subcommand !== "daemon") {
    tell("error: usage: tracker.js [--state-dir DIR] [--ringbuf-size BYTES] [--no-function-hooks]");
    return 2;
  }
  const opts = parsed.options;
  const log = fileLogger(join13(opts.stateDir, "daemon.log"), !opts.detach && process.stderr.isTTY);
  try {
    return await runDaemon({
      ...opts,
      log,
      onReady: ({ pid, socket }) => tell(`ready pid=${pid} socket=${socket}`)
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(message);
    tell(`error: ${message}`);
    return err instanceof AlreadyRunning ? 4 : 3;
  }
}

// src/cli/daemonCommands.ts
function say(line) {
  process.stderr.write(`cicd-sensor: ${line}
`);
}
async function startDaemon(opts) {
  if (!opts.detach) return trackerMain(daemonArgs(opts));
  const result = await startDetached(opts);
  if (!result.ok) {
    say(`daemon did not start: ${result.message}`);
    return 3;
  }
  process.stdout.write(`${result.message}
`);
  return 0;
}
async function sendAndPrint(stateDir, req) {
  try {
    const res = await request(stateDir, req);
    process.stdout.write(JSON.stringify(res, null, 2) + "\n");
    if (!res.ok) say(`daemon refused: ${res.error}`);
    return res.ok ? 0 : 4;
  } catch (err) {
    if (!(err instanceof DaemonUnavailable)) throw err;
    say(err.message);
    return 4;
  }
}
async function killAndPrint(stateDir) {
  try {
    process.stdout.write(JSON.stringify(await killDaemon(stateDir)) + "\n");
    return 0;
  } catch (err) {
    say(`daemon kill: ${err.message}`);
    return 4;
  }
}

// src/cli/reportCommand.ts
import { existsSync as existsSync10 } from "node:fs";
import { join as join15 } from "node:path";

// src/report/fromLog.ts
import { existsSync as existsSync9, readFileSync as readFileSync7 } from "node:fs";
import { join as join14 } from "node:path";

// src/report/logReader.ts
import { closeSync as closeSync3, openSync as openSync4, readSync as readSync2 } from "node:fs";
var MID = ',"job":';
var PROCESS = ',"process":';
var TAILS = [',"network":', ',"file":', ',"domain":', ',"unix_socket":'];
var RecentParts = class {
  constructor(size) {
    this.size = size;
  }
  size;
  texts = [];
  values = [];
  next = 0;
  /** The value of line[start, end) as JSON (wrapped in braces for a run of fields). */
  get(line, start, end, wrap = false) {
    const text2 = line.slice(start, end);
    for (let i = 0; i < this.texts.length; i++) if (this.texts[i] === text2) return this.values[i];
    const value = JSON.parse(wrap ? `{${text2}}` : text2);
    this.texts[this.next] = text2;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    return value;
  }
};
var EventLineParser = class {
  heads = new RecentParts(4);
  processes = new RecentParts(8);
  /** The event on one line; throws SyntaxError like JSON.parse on a broken one. */
  parse(line) {
    const mid = line.indexOf(MID);
    const proc = mid < 0 ? -1 : line.indexOf(PROCESS, mid);
    if (proc < 0 || !line.endsWith("}")) return JSON.parse(line);
    const procStart = proc + PROCESS.length;
    let procEnd = line.length - 1;
    for (const tail of TAILS) {
      const at = line.lastIndexOf(tail);
      if (at > procStart) {
        procEnd = at;
        break;
      }
    }
    try {
      const event = JSON.parse(line.slice(0, mid) + line.slice(procEnd));
      const fields = this.heads.get(line, mid + 1, proc, true);
      for (const key in fields) event[key] = fields[key];
      event.process = this.processes.get(line, procStart, procEnd);
      return event;
    } catch {
      return JSON.parse(line);
    }
  }
};
function forEachLine(path, onLine) {
  const fd = openSync4(path, "r");
  let buf = Buffer.allocUnsafe(8 << 20);
  let have = 0;
  try {
    for (; ; ) {
      if (have === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
      const got = readSync2(fd, buf, have, buf.length - have, null);
      if (got === 0) break;
      have += got;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0 && nl < have; nl = buf.indexOf(10, start)) {
        if (nl > start) onLine(buf.toString("utf8", start, nl));
        start = nl + 1;
      }
      buf.copy(buf, 0, start, have);
      have -= start;
    }
    if (have > 0) onLine(buf.toString("utf8", 0, have));
  } finally {
    closeSync3(fd);
  }
}

// src/report/fromLog.ts
var UNKNOWN_STATUS = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 0 };
async function reportFromLog(jobDir, fallbackId = "unknown") {
  const markerPath = join14(jobDir, "job.json");
  const marker = existsSync9(markerPath) ? JSON.parse(readFileSync7(markerPath, "utf8")) : void 0;
  const builder = new ReportBuilder({ workspace: process.env.GITHUB_WORKSPACE });
  let job = marker?.job;
  let unreadableLines = 0;
  const parser = new EventLineParser();
  forEachLine(join14(jobDir, "events.ndjson"), (line) => {
    let event;
    try {
      event = parser.parse(line);
    } catch {
      unreadableLines++;
      return;
    }
    job ??= event.job;
    builder.add(event);
  });
  const endedEarly = marker === void 0;
  const notes2 = [];
  if (endedEarly) notes2.push("The sensor stopped before the job ended (no done marker): activity after its last event is missing, and its kernel counters were lost with it.");
  if (unreadableLines) notes2.push(`${unreadableLines} unreadable line(s) in events.ndjson were skipped.`);
  const model = builder.build(UNKNOWN_STATUS, {
    job: job ?? { id: fallbackId },
    startedAt: marker?.startedAt,
    endedAt: marker?.endedAt,
    endedEarly,
    workspace: process.env.GITHUB_WORKSPACE,
    notes: notes2
  });
  return { model, endedEarly, unreadableLines };
}

// src/report/text.ts
var TEXT_ROWS = 10;
function renderText(model) {
  const rows = Math.min(TEXT_ROWS, model.rowLimit);
  return [
    ...headerLines(model),
    ...listLines("Processes", model.processes.executables, rows, (x) => [
      x.count,
      `${plainText(x.execPath)}  ${plainText(formatArgv(x.argvSamples.values[0] ?? []), 120)}`
    ]),
    ...listLines("Network destinations", model.network, rows, (n) => [
      n.count,
      `${plainText(n.protocol)} ${plainText(n.address)} port ${n.port}${n.domain === void 0 ? "" : ` (${plainText(n.domain)})`}  ${plainText(n.execPath)}`
    ]),
    ...listLines("Domains", model.domains, rows, (d) => [
      d.count,
      `${plainText(d.name)}  ${plainText(d.sources.join(","))}${d.queryTypes.values.length ? ` ${plainText(d.queryTypes.values.join(","))}` : ""}${d.answers.values.length ? ` -> ${plainText(d.answers.values.slice(0, 3).join(", "), 120)}` : ""}`
    ]),
    ...fileLines(model, rows),
    ...listLines("Unix sockets", model.unixSockets, rows, (u) => [
      u.count,
      `${plainText(u.path)}  ${plainText(u.execPath)}` + (u.bypass ? "  BYPASS: containers started this way are not attributed" : "")
    ])
  ].join("\n") + "\n";
}
function headerLines(model) {
  const { events, status } = model;
  const kinds = Object.entries(events.byKind).map(([kind, n]) => `${plainText(kind)} ${fmt(n)}`);
  const lines = [
    `cicd-sensor report: ${plainText(model.job.name ?? model.job.id)}`,
    `Events: ${fmt(events.total)}  lost records: ${fmt(status.lostRecords)}  undecodable: ${fmt(status.undecodable)}`,
    `  ${kinds.join(", ")}`
  ];
  if (status.lostRecords > 0) {
    lines.push(`WARNING: ${fmt(status.lostRecords)} records were lost in the kernel; activity is missing.`);
  }
  if (status.undecodable > 0) lines.push(`WARNING: ${fmt(status.undecodable)} records could not be decoded.`);
  if (model.endedEarly) {
    lines.push("WARNING: the sensor stopped before the job ended; later activity is missing.");
  }
  if (status.plan.length) lines.push(`Attach plan: ${status.plan.map(planText).join(", ")}`);
  return lines;
}
function planText(p) {
  const refused = (p.unavailable ?? []).map((u) => `${plainText(u.mechanism)} unavailable`);
  return `${plainText(p.hook)}=${plainText(p.mechanism)}${refused.length ? ` (${refused.join("; ")})` : ""}`;
}
function listLines(title, c, rows, line) {
  if (c.items.length === 0 && c.omitted === 0) return [`${title}: none`];
  const about = c.omittedEstimated ? "about " : "";
  const total = c.omitted > 0 ? `${about}${fmt(c.items.length + c.omitted)}` : fmt(c.items.length);
  const shown = c.items.slice(0, rows).map((item) => {
    const [count, text2] = line(item);
    return `  ${fmt(count).padStart(9)}  ${text2}`;
  });
  const hidden = c.items.length - shown.length + c.omitted;
  if (hidden > 0) shown.push(`  \u2026and ${about}${fmt(hidden)} more (see report.json and events.ndjson)`);
  return [`${title} (${total}):`, ...shown];
}
function fileLines(model, rows) {
  const { written, removed, moved, linked } = model.files;
  const line = (f) => [f.count, `[${f.group}] ${plainText(f.path)}`];
  return [
    ...listLines("Files written", written, rows, line),
    ...listLines("Files removed", removed, rows, line),
    ...listLines("Files moved", moved, rows, (f) => [
      f.count,
      `[${f.group}] ${plainText(f.path)} -> ${plainText(f.targetPath)}`
    ]),
    ...listLines("Files linked", linked, rows, (f) => {
      const type = f.linkType === void 0 ? "" : ` (${plainText(f.linkType)})`;
      return [f.count, `[${f.group}] ${plainText(f.targetPath)} -> ${plainText(f.path)}${type}`];
    })
  ];
}

// src/cli/reportCommand.ts
async function reportCommand(jobDir) {
  if (!existsSync10(join15(jobDir, "events.ndjson"))) {
    process.stderr.write(`cicd-sensor: ${jobDir} has no events.ndjson
`);
    return 2;
  }
  const { model, endedEarly } = await reportFromLog(jobDir);
  const paths = writeReportFiles(jobDir, model);
  process.stderr.write(`${renderText(model)}
`);
  if (endedEarly) process.stderr.write("cicd-sensor: WARNING: the sensor stopped before the job ended; the report is incomplete\n");
  process.stderr.write(`cicd-sensor: summary: ${paths.summary}
`);
  return 0;
}

// src/cli/run.ts
import { mkdirSync as mkdirSync5, mkdtempSync, rmSync as rmSync8, writeFileSync as writeFileSync7 } from "node:fs";
import { tmpdir } from "node:os";
import { spawn as spawn3 } from "node:child_process";

// src/cli/spawnInCgroup.ts
import { spawn as spawn2 } from "node:child_process";
import { constants } from "node:os";
import { join as join16 } from "node:path";
var osSignals = constants.signals;
var TRAMPOLINE = 'echo 0 > "$0" || { echo "cicd-sensor: cannot enter cgroup $0" >&2; exit 125; }; exec "$@"';
function spawnInCgroup(cgroupPath, command, env) {
  return spawn2("/bin/sh", ["-c", TRAMPOLINE, join16(cgroupPath, "cgroup.procs"), ...command], {
    stdio: "inherit",
    env: env ?? process.env
  });
}
function exitCodeOf(child) {
  return new Promise((resolve2) => {
    child.on("error", () => resolve2(127));
    child.on("exit", (code, signal) => {
      if (code !== null) resolve2(code);
      else resolve2(128 + (signal ? osSignals[signal] ?? 0 : 0));
    });
  });
}

// src/cli/run.ts
import { join as join17 } from "node:path";
var LOCAL_JOB = { id: "local", name: "local" };
function say2(line) {
  process.stderr.write(`cicd-sensor: ${line}
`);
}
async function runUnmonitored(command) {
  const child = spawn3(command[0], command.slice(1), { stdio: "inherit" });
  const code = await exitCodeOf(child);
  say2("COMMAND RAN UNMONITORED: no events were recorded");
  return code;
}
function forwardSignals(pid) {
  const handler = (signal) => {
    if (pid) process.kill(pid, signal);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
async function runCommand(opts) {
  const started = startSensor(opts.ringbufBytes, opts.noFunctionHooks);
  if (!started.ok) {
    say2(`cannot monitor: ${started.reason}`);
    if (started.detail && process.env.CICD_SENSOR_DEBUG) process.stderr.write(`${started.detail}
`);
    if (!opts.allowUnmonitored) return 3;
    say2("--allow-unmonitored: running the command anyway");
    return runUnmonitored(opts.command);
  }
  const { sensor, plan, cgroupRoot } = started;
  mkdirSync5(opts.outDir, { recursive: true });
  const eventsPath = join17(opts.outDir, "events.ndjson");
  rmSync8(eventsPath, { force: true });
  const tracker = new KernelTracker(sensor, Sensor.bootToRealtimeNs());
  const notes2 = /* @__PURE__ */ new Set();
  const socketDir = mkdtempSync(join17(tmpdir(), "cicd-sensor-run-"));
  const docker = !opts.dockerProxy ? void 0 : await startDocker({
    socketDir,
    interpose: false,
    cgroupRoot,
    tracker,
    log: { info: () => void 0, warn: (m) => say2(m), error: (m) => say2(m) },
    note: (_job, message) => notes2.add(message)
  });
  const report = new ReportBuilder({ rowLimit: opts.summaryRows, workspace: process.cwd(), dockerSockets: docker?.bypassPaths });
  const writer = new EventLogWriter(eventsPath, (e) => report.add(e));
  const cgroup = createCgroup(cgroupRoot, `cicd-sensor/run-${process.pid}`);
  writeFileSync7(
    join17(opts.outDir, "sensor.json"),
    JSON.stringify({ pid: process.pid, cgroup, maps: sensor.mapIds(), plan }, null, 2) + "\n"
  );
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  let code;
  try {
    tracker.registerJob(LOCAL_JOB, [{ id: cgroupId(cgroup), path: cgroup }], writer, { workerPid: process.pid });
    const pump = new Pump(sensor, tracker, { afterBatch: () => writer.flush() });
    pump.start();
    const env = docker ? { ...process.env, DOCKER_HOST: `unix://${docker.proxyPath}` } : process.env;
    const child = spawnInCgroup(cgroup, opts.command, env);
    const unforward = forwardSignals(child.pid);
    code = await exitCodeOf(child);
    unforward();
    await pump.stop();
  } finally {
    tracker.unregisterJob(LOCAL_JOB.id);
    writer.close();
    removeCgroup(cgroup);
    removeIfUnused(join17(cgroup, ".."));
    docker?.close();
    rmSync8(socketDir, { recursive: true, force: true });
  }
  const status = sensorStatus(plan, sensor.counters(), tracker.counts, opts.ringbufBytes);
  sensor.close();
  const model = report.build(status, {
    job: LOCAL_JOB,
    startedAt,
    endedAt: (/* @__PURE__ */ new Date()).toISOString(),
    workspace: process.cwd(),
    notes: [...notes2]
  });
  const paths = writeReportFiles(opts.outDir, model);
  process.stderr.write(`
${renderText(model)}
`);
  say2(`events: ${paths.events}, summary: ${paths.summary}`);
  return code;
}

// src/cli/main.ts
async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`cicd-sensor: ${err.message}

${USAGE}
`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}
`);
    return 0;
  }
  switch (parsed.subcommand) {
    case "run":
      return runCommand(parsed.options);
    case "daemon":
      return startDaemon(parsed.options);
    case "daemon-stop":
      return sendAndPrint(parsed.stateDir, { op: "stop" });
    case "daemon-stats":
      return sendAndPrint(parsed.stateDir, { op: "stats" });
    case "daemon-kill":
      return killAndPrint(parsed.stateDir);
    case "job-register":
      return sendAndPrint(parsed.stateDir, { op: "register", job: parsed.job, cgroup: parsed.cgroup, pid: parsed.pid });
    case "job-unregister":
      return sendAndPrint(parsed.stateDir, { op: "unregister", id: parsed.id });
    case "report":
      return reportCommand(parsed.jobDir);
  }
}

// src/cli.ts
process.exit(await main(process.argv.slice(2)));
