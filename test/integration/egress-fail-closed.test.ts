/**
 * Fail closed, through the action: when the egress policy's hooks are not
 * attached (forced with CICD_SENSOR_DEBUG_REFUSE_HOOKS, which pre hands to
 * the daemon it starts as root), block fails pre with the reason and
 * registers nothing: no audit takes its place. Audit on the same sensor
 * goes on watching.
 */
import { cleanupActionJobs, runActionJob } from '../helpers/actionJob.js';
import { adoptRootCgroups, cleanupDaemons } from '../helpers/daemon.js';
import { requireRoot } from '../helpers/sensorRun.js';

const refuse = { CICD_SENSOR_DEBUG_REFUSE_HOOKS: 'network_connect' };

beforeAll(() => requireRoot());

afterAll(async () => {
  await cleanupActionJobs();
  adoptRootCgroups(/^cicd-sensor(-5151-.*)?$/);
  await cleanupDaemons();
}, 60_000);

test('block fails pre with the reason, and the job is not watched in audit instead', async () => {
  const run = await runActionJob(['/bin/true\n'], { 'egress-policy': 'block', 'allowed-endpoints': 'example.com:443' }, { env: refuse });
  expect(run.phases.pre!.status).not.toBe(0);
  expect(run.phases.pre!.stdout).toMatch(
    /::error::cicd-sensor could not start watching this job: the sensor refused to register this job: egress-policy block cannot be enforced here: the network_connect hook is not attached \([a-z_]+: refused by CICD_SENSOR_DEBUG_REFUSE_HOOKS\)/,
  );
  // Registration was refused whole: no job, so no recording in audit either.
  expect(run.phases.pre!.stdout).not.toMatch(/cicd-sensor: watching job/);
  expect(run.phases.post!.status).toBe(0);
}, 180_000);

test('audit with the same hooks missing is watched as usual', async () => {
  const run = await runActionJob(['/bin/true\n'], { 'egress-policy': 'audit' }, { env: refuse });
  expect(run.phases.pre!.status).toBe(0);
  expect(run.phases.pre!.stdout).toMatch(/cicd-sensor: watching job/);
  expect(run.phases.post!.status).toBe(0);
}, 180_000);
