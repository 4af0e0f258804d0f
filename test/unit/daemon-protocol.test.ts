/** Control requests are validated field by field; a register may carry notes for the job's report. */
import { describe, expect, it } from '@jest/globals';
import { parseRequest, ProtocolError } from '../../src/daemon/protocol.js';

const register = (extra: object) => JSON.stringify({ op: 'register', job: { id: 'build-1' }, pid: 42, ...extra });

describe('parseRequest', () => {
  it('takes a register with notes, and one without', () => {
    expect(parseRequest(register({ notes: ['no pre step'] }))).toEqual({ op: 'register', job: { id: 'build-1' }, pid: 42, notes: ['no pre step'] });
    expect(parseRequest(register({}))).toEqual({ op: 'register', job: { id: 'build-1' }, pid: 42 });
  });

  it('refuses notes that are not a short list of strings', () => {
    for (const notes of ['one', [1], Array(17).fill('n'), ['x'.repeat(1025)]]) {
      expect(() => parseRequest(register({ notes }))).toThrow(ProtocolError);
    }
  });

  it('refuses a register with neither or both of pid and cgroup', () => {
    expect(() => parseRequest(JSON.stringify({ op: 'register', job: { id: 'a' } }))).toThrow(/exactly one/);
    expect(() => parseRequest(register({ cgroup: '/sys/fs/cgroup/x' }))).toThrow(/exactly one/);
  });

  it('takes summaryRows on a register, a whole number from 1 to 1000', () => {
    expect(parseRequest(register({ summaryRows: 3 }))).toMatchObject({ summaryRows: 3 });
    for (const summaryRows of [0, 1001, 2.5, '3']) expect(() => parseRequest(register({ summaryRows }))).toThrow(/summaryRows must be a whole number/);
  });

  it('takes a report with the alerts and the workflow place post sends, refusing anything else', () => {
    const place = { file: '.github/workflows/ci.yml', steps: [{ index: 0, line: 7, run: 'make' }] };
    expect(parseRequest(JSON.stringify({ op: 'report', id: 'build-1', alerts: ['disturbed'], place, extra: 1 }))).toEqual({ op: 'report', id: 'build-1', alerts: ['disturbed'], place });
    expect(parseRequest(JSON.stringify({ op: 'report', id: 'build-1' }))).toEqual({ op: 'report', id: 'build-1' });
    expect(() => parseRequest(JSON.stringify({ op: 'report', id: '../x' }))).toThrow(/not a valid job id/);
    expect(() => parseRequest(JSON.stringify({ op: 'report', id: 'a', alerts: Array(17).fill('x') }))).toThrow(/at most 16/);
    expect(() => parseRequest(JSON.stringify({ op: 'report', id: 'a', place: { file: 'x', steps: [{ index: 0, line: 0 }] } }))).toThrow(/line must be/);
    expect(() => parseRequest(JSON.stringify({ op: 'report', id: 'a', place: { steps: [] } }))).toThrow(/place\.file must be a string/);
  });
});
