/**
 * The sudo switch's own decisions, against a sudoers.d directory of the
 * test's (visudo checks the drop-in, which names a user that may not exist
 * here: sudoers accepts unknown names). The effect on sudo itself is
 * test/integration/disable-sudo.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRequest } from '../../src/daemon/protocol.js';
import { answerSudo, SudoError, SudoSwitch, userName } from '../../src/daemon/sudo.js';

const fresh = (): { state: string; dir: string } => ({ state: mkdtempSync(join(tmpdir(), 'cs-sudo-state-')), dir: mkdtempSync(join(tmpdir(), 'cs-sudoers-')) });

describe('the sudo switch', () => {
  test('a drop-in per job, given back by its token or by the job\'s end, and only ever its own file', () => {
    const { state, dir } = fresh();
    const sw = new SudoSwitch(state, dir);
    const { file, token } = sw.disable('run-1.a', 'runner');
    expect(file).toBe(join(dir, 'zz-cicd-sensor-run-1_a')); // no dot: sudo skips names with one
    expect(readFileSync(file, 'utf8')).toMatch(/\nrunner ALL=\(ALL:ALL\) !ALL\n$/);
    expect(readdirSync(dir)).toEqual(['zz-cicd-sensor-run-1_a']);
    expect(sw.tokenMatches('run-1.a', token)).toBe(true);
    expect(sw.tokenMatches('run-1.a', `${token}x`)).toBe(false);
    expect(sw.tokenMatches('run-1.a', undefined)).toBe(false);
    expect(() => sw.disable('run-1.a', 'runner')).toThrow(/already removed/);
    expect(sw.restore('run-1.a')).toBe(true);
    expect(sw.restore('run-1.a')).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(state, { recursive: true });
    rmSync(dir, { recursive: true });
  });

  test('a killed daemon\'s drop-ins are removed by the next one; a file that is no longer its own is left', () => {
    const { state, dir } = fresh();
    new SudoSwitch(state, dir).disable('j1', 'runner');
    const b = new SudoSwitch(state, dir);
    const other = new SudoSwitch(mkdtempSync(join(tmpdir(), 'cs-sudo-state-')), dir).disable('j2', 'builder');
    expect(b.repair()).toEqual(['runner']);
    expect(readdirSync(dir)).toEqual([other.file.split('/').pop()]);
    writeFileSync(join(state, 'sudo.json'), JSON.stringify([{ job: 'j2', user: 'builder', file: other.file, tokenHash: '' }]));
    writeFileSync(other.file, 'builder ALL=(ALL) ALL\n'); // replaced by someone else since
    expect(b.repair()).toEqual(['builder']);
    expect(readdirSync(dir)).toHaveLength(1);
    rmSync(state, { recursive: true });
    rmSync(dir, { recursive: true });
  });

  test('the control op: the registrant\'s own user, a token to give back, root names the user', () => {
    const { state, dir } = fresh();
    const sw = new SudoSwitch(state, dir);
    const op = (line: object) => parseRequest(JSON.stringify({ op: 'sudo', ...line }));
    expect(userName(65534)).toBe('nobody');
    const disabled = answerSudo(sw, op({ id: 'j', disable: true }) as never, 65534, true);
    expect(readFileSync(disabled.file!, 'utf8')).toContain('\nnobody ALL=(ALL:ALL) !ALL\n');
    expect(() => answerSudo(sw, op({ id: 'j', disable: false }) as never, 1001, true)).toThrow(SudoError);
    expect(answerSudo(sw, op({ id: 'j', disable: false, token: disabled.token }) as never, 1001, true)).toEqual({ ok: true, restored: true });
    expect(() => answerSudo(sw, op({ id: 'k', disable: true }) as never, 0, true)).toThrow(/root must name the user/);
    expect(() => answerSudo(sw, op({ id: 'k', disable: true, user: 'x' }) as never, 0, false)).toThrow(/no job k/);
    expect(() => op({ id: 'k', disable: 'yes' })).toThrow(/disable must be true or false/);
    rmSync(state, { recursive: true });
    rmSync(dir, { recursive: true });
  });
});
