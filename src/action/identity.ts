/** The job as the runner names it, and an id for it that is safe as a directory name. */
import type { JobIdentity } from '../events/eventRecord.js';

export function jobIdentity(env: NodeJS.ProcessEnv = process.env, pid = process.pid): JobIdentity {
  const raw = [env.GITHUB_RUN_ID ?? 'local', env.GITHUB_RUN_ATTEMPT ?? '1', env.GITHUB_JOB ?? 'job', String(pid)].join('-');
  const id = raw.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 128) || `job-${pid}`;
  const job: JobIdentity = { id };
  if (env.GITHUB_JOB) job.name = env.GITHUB_JOB;
  if (env.GITHUB_WORKFLOW) job.workflow = env.GITHUB_WORKFLOW;
  if (env.GITHUB_REPOSITORY) job.repository = env.GITHUB_REPOSITORY;
  if (env.GITHUB_RUN_ID) job.run_id = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) job.run_attempt = env.GITHUB_RUN_ATTEMPT;
  return job;
}
