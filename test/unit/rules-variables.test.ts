import { describe, expect, test } from '@jest/globals';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { activationOf } from '../../src/rules/variables.js';

const process = { pid: 7, ppid: 1, exec_path: '/usr/bin/docker', argv: ['docker', 'run'], ancestors: [] };

describe('rule variables', () => {
  // Conditions' literals are folded when they compile, so every string a condition can compare is folded too.
  test("a container create's lists are folded, as its other strings are", () => {
    const e = {
      seq: 0,
      time: '2024-05-01T10:00:00.000000Z',
      kind: 'container_create',
      process,
      container_create: {
        image: 'Alpine',
        privileged: false,
        binds: ['/Data'],
        cap_add: ['SYS_ADMIN'],
        devices: [],
        device_cgroup_rules: ['C 1:3 RWM'],
        volumes_from: ['MyDb:ro'],
        refused: false,
      },
    } as unknown as EventRecord;
    const a = activationOf(e, 'container_create') as unknown as Record<string, unknown>;
    expect(a.image).toBe('alpine');
    expect(a.binds).toEqual(['/data']);
    expect(a.device_cgroup_rules).toEqual(['c 1:3 rwm']);
    expect(a.volumes_from).toEqual(['mydb:ro']);
  });
});
