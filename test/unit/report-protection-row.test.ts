/** The overview says what protect-runner can do on the kernel the report came from, and says so when it cannot. */
import { describe, expect, it } from '@jest/globals';
import type { ReportModel } from '../../src/report/model.js';
import { statusRows } from '../../src/report/statusRows.js';

function model(plan: { hook: string; mechanism: string }[]): ReportModel {
  return {
    status: { plan: plan.map((p) => ({ ...p, target: '', unavailable: [] })), lostRecords: 0, undecodable: 0, ringbufBytes: 4096 },
    events: { total: 0 },
  } as unknown as ReportModel;
}

const row = (mechanism: string) => statusRows(model([{ hook: 'protect_runner', mechanism }]), (s) => s).find((r) => r[0] === 'Runner memory protection');

describe('the protection row', () => {
  it('names the mechanism, and says plainly when there is none', () => {
    expect(row('lsm')?.[1]).toMatch(/BPF LSM/);
    expect(row('bpf_send_signal')?.[1]).toMatch(/killed before it reads/);
    expect(row('none')?.[1]).toMatch(/not available on this kernel/);
  });

  it('is absent from reports whose plan has no such hook', () => {
    expect(statusRows(model([{ hook: 'file_open', mechanism: 'tracepoint' }]), (s) => s).some((r) => r[0] === 'Runner memory protection')).toBe(false);
  });
});
