// A rule set shaped like the reference's, for the engine's performance
// budget: a dozen built-in-like rules plus `generated` more (lists of 20-30
// suffixes, ancestor `exists` with argv checks, correlations over a dozen
// rules). Returned as YAML text so the engine loads it the way users' files
// are loaded.
import { stringify } from 'yaml';

const EXTS = ['pem', 'key', 'npmrc', 'pypirc', 'netrc', 'env', 'p12', 'pfx', 'jks', 'kdbx', 'ovpn', 'tfvars', 'tfstate',
  'gpg', 'asc', 'ppk', 'keystore', 'cred', 'secret', 'token', 'htpasswd', 'pgpass', 'dockercfg', 'git-credentials',
  'boto', 'aws', 'kube', 'vault', 'age', 'sops'];
const TOOLS = ['xmrig', 'trufflehog', 'gitleaks', 'noseyparker', 'nc', 'ncat', 'socat', 'nmap', 'masscan', 'zmap',
  'hydra', 'john', 'hashcat', 'chisel', 'frpc', 'ngrok', 'cloudflared', 'bore', 'sliver', 'mimikatz', 'pspy', 'linpeas',
  'gost', 'iodine', 'dnscat', 'proxychains', 'tor', 'i2pd'];
const DOMAINS = ['webhook.site', 'oast.fun', 'oast.pro', 'oast.live', 'oast.site', 'oast.online', 'oast.me',
  'interact.sh', 'pipedream.net', 'ngrok.io', 'ngrok-free.app', 'pastebin.com', 'transfer.sh', 'requestbin.net',
  'burpcollaborator.net', 'canarytokens.com', 'dnslog.cn', 'ceye.io', 'beeceptor.com', 'hookbin.com', 'ptpb.pw',
  'termbin.com', 'paste.ee', 'ghostbin.co', 'serveo.net', 'localtunnel.me'];
const INSTALLERS = ['npm', 'pnpm', 'yarn', 'bun', 'pip', 'pip3'];

/** `count` items of `pool` from `offset`, each made distinct by `salt` past one pass. */
function slice(pool, offset, count, salt) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const j = (offset + i) % pool.length;
    out.push(i + offset >= pool.length ? `${pool[j]}${salt}` : pool[j]);
  }
  return out;
}

function builtinLike() {
  return [
    { rule_id: 'cred_read_in_install', event_type: 'file_open', action: 'detect', tags: { severity: 'high' },
      condition: 'is_read && list.cred_suffixes.exists(s, path.endsWith(s)) && process.ancestors.exists(a, list.installers.exists(i, a.exec_path.endsWith(i)) && a.argv.exists(x, x == "install" || x == "ci"))' },
    { rule_id: 'workflow_write', event_type: 'file_open', action: 'detect', tags: { severity: 'high' },
      condition: 'is_write && path.contains("/.github/workflows/") && !process.exec_path.endsWith("/git")' },
    { rule_id: 'sudoers_write', event_type: 'file_open', action: 'detect', tags: { severity: 'critical' },
      condition: 'is_write && (path == "/etc/sudoers" || path.startsWith("/etc/sudoers.d/"))' },
    { rule_id: 'ld_preload', event_type: 'file_open', action: 'detect', tags: { severity: 'high' },
      condition: 'is_write && path == "/etc/ld.so.preload"' },
    { rule_id: 'proc_environ', event_type: 'file_open', action: 'detect', tags: { severity: 'high' },
      condition: 'path.startsWith("/proc/") && path.endsWith("/environ") && !path.startsWith("/proc/self/")' },
    { rule_id: 'miner_exec', event_type: 'process_exec', action: 'terminate', tags: { severity: 'critical' },
      condition: 'list.tools.exists(t, process.exec_path.endsWith(t))' },
    { rule_id: 'curl_env', event_type: 'process_exec', action: 'detect', tags: { severity: 'high' },
      condition: '(process.exec_path.endsWith("/curl") || process.exec_path.endsWith("/wget")) && process.argv.exists(a, a.contains("$(env)") || a.contains("github_token"))' },
    { rule_id: 'metadata', event_type: 'network_connect', action: 'detect', tags: { severity: 'high' },
      condition: 'inIpRange(remote_ip, "169.254.169.254/32") || inIpRange(remote_ip, "fd00:ec2::254/128")' },
    { rule_id: 'stratum', event_type: 'network_connect', action: 'detect', tags: { severity: 'high' },
      condition: 'remote_port == 3333 || remote_port == 4444 || remote_port == 14444' },
    { rule_id: 'oast_domain', event_type: 'domain', action: 'detect', tags: { severity: 'high' },
      condition: 'list.oast.exists(d, domain == d) || list.oast_subdomains.exists(d, domain.endsWith(d))' },
    { rule_id: 'docker_sock', event_type: 'unix_socket_connect', action: 'collect', tags: { severity: 'info' },
      condition: 'path == "/var/run/docker.sock" || path == "/run/docker.sock"',
      exceptions: 'process.exec_path.endsWith("/docker")' },
    { rule_id: 'shred_home', event_type: 'file_remove', action: 'detect', tags: { severity: 'medium' },
      condition: 'is_folder && path.startsWith("/home/")' },
  ];
}

const SHAPES = [
  (i) => ({ event_type: 'file_open', condition: `list.g${i}.exists(s, path.endsWith(s)) && process.ancestors.exists(a, a.exec_path.endsWith("/node") && a.argv.exists(x, x.endsWith("install${i}.js")))` }),
  (i) => ({ event_type: 'file_open', condition: `is_write && list.g${i}.exists(s, path.endsWith(s))`, exceptions: 'process.exec_path.startsWith("/usr/bin/git")' }),
  (i) => ({ event_type: 'process_exec', condition: `list.g${i}.exists(s, process.exec_path.endsWith(s)) || process.ancestors.exists(a, a.argv.exists(x, x == "--tool${i}"))` }),
  (i) => ({ event_type: 'domain', condition: `list.g${i}.exists(d, domain.endsWith(d))` }),
  (i) => ({ event_type: 'network_connect', condition: `remote_port == ${20000 + i} && process.ancestors.exists(a, a.exec_path.endsWith("/python3") && a.argv.exists(x, x.contains("payload${i}")))` }),
];

function generated(count) {
  const rules = [];
  const lists = {};
  for (let i = 0; i < count; i++) {
    const shape = SHAPES[i % SHAPES.length](i);
    const pool = shape.event_type === 'domain' ? DOMAINS : shape.event_type === 'process_exec' ? TOOLS : EXTS;
    const size = 20 + (i % 11);
    lists[`g${i}`] = slice(pool, i * 7, size, `${i}`).map((s) => (pool === EXTS ? `.${s}` : pool === TOOLS ? `/${s}` : s));
    rules.push({ rule_id: `gen_${i}`, action: i % 9 === 0 ? 'collect' : 'detect', tags: { severity: ['low', 'medium', 'high'][i % 3] }, ...shape });
  }
  return { rules, lists };
}

function correlations(ids, count) {
  const out = [];
  for (let c = 0; c < count; c++) {
    const refs = [];
    for (let k = 0; k < 12; k++) refs.push(ids[(c * 5 + k) % ids.length]);
    const terms = refs.map((id) => `(rule.${id}.total_count > 0 ? 1 : 0)`).join(' + ');
    out.push({ rule_id: `corr_${c}`, type: 'correlation', action: 'detect', tags: { severity: 'critical' }, condition: `${terms} >= 3` });
  }
  return out;
}

/** The YAML text of one rule set: the built-in-like rules plus `count` generated ones. */
export function benchRuleSetYaml(count = 60) {
  const gen = generated(count);
  const base = builtinLike();
  const ids = [...base, ...gen.rules].map((r) => r.rule_id);
  const rules = [...base, ...gen.rules, ...correlations(ids, 4)];
  return stringify({
    rule_sets: [{
      ruleset_id: 'bench/shaped-like-reference',
      lists: { cred_suffixes: slice(EXTS, 0, 24, '').map((s) => `.${s}`), installers: INSTALLERS.map((i) => `/${i}`), tools: TOOLS.map((t) => `/${t}`), oast: DOMAINS, oast_subdomains: DOMAINS.map((d) => `.${d}`), ...gen.lists },
      rules,
    }],
  });
}

/** The open storm's events as the tracker builds them: distinct files, one process, a realistic ancestry. */
export function openStormEvents(count) {
  const process = {
    pid: 4242, ppid: 4200, exec_path: '/usr/local/bin/openstorm', argv: ['/usr/local/bin/openstorm', 'run', '/tmp/storm', '20000', '10', '2'],
    ancestors: [
      { pid: 4200, exec_path: '/usr/bin/bash', argv: ['bash', '-e', '/home/runner/work/_temp/step.sh'] },
      { pid: 4100, exec_path: '/usr/bin/node', argv: ['node', '/home/runner/actions-runner/externals/run.js'] },
      { pid: 4000, exec_path: '/home/runner/actions-runner/bin/Runner.Worker', argv: ['Runner.Worker', 'spawnclient', '110', '113'] },
    ],
  };
  const job = { id: 'bench' };
  const events = [];
  for (let i = 0; i < count; i++) {
    events.push({ seq: i + 1, time: '2026-12-07T15:00:00.000Z', kind: 'file_open', job, cgroup_id: 1, process,
      file: { path: `/tmp/storm/d${i % 100}/file-${i}.dat`, access: 'read', flags: ['O_RDONLY'] } });
  }
  return events;
}
