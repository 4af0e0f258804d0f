/** The diagnostics say what protect-runner can do on the kernel the report came from, and say so when it cannot. */
import { describe, expect, it } from '@jest/globals';
import { buildView } from '../../src/report/view/build.js';
import { jobModel, STATUS } from '../helpers/reportJob.js';

function statusFacts(plan: { hook: string; mechanism: string }[]): Map<string, string> {
  const model = jobModel();
  model.status = { ...STATUS, plan: plan.map((p) => ({ ...p, target: '' })) };
  const diagnostics = buildView(model).sections.find((s) => s.key === 'diagnostics');
  const table = diagnostics?.blocks.find((b) => b.type === 'table' && b.table.key === 'status');
  if (table?.type !== 'table') throw new Error('no status table');
  return new Map(table.table.rows.map((r) => [r.cells[0].text, r.cells[1].text]));
}

const row = (mechanism: string) => statusFacts([{ hook: 'protect_runner', mechanism }]).get('Runner memory protection');

describe('the protection row', () => {
  it('names the mechanism, and says plainly when there is none', () => {
    expect(row('lsm')).toMatch(/BPF LSM/);
    expect(row('bpf_send_signal')).toMatch(/killed before it reads/);
    expect(row('none')).toMatch(/not available on this kernel/);
  });

  it('is absent from reports whose plan has no such hook', () => {
    expect(statusFacts([{ hook: 'file_open', mechanism: 'tracepoint' }]).has('Runner memory protection')).toBe(false);
  });
});
