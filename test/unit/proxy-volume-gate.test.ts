/** The volume gate: volume changes and the creates that mount volumes never overlap; each kind runs freely among its own. */
import { describe, expect, test } from '@jest/globals';
import { VolumeGate } from '../../src/proxy/volumeGate.js';

const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('VolumeGate', () => {
  test('a volume change waits for the creates inside, and creates wait for it in turn', async () => {
    const gate = new VolumeGate();
    const order: string[] = [];
    const leaveA = await gate.enter('create');
    const leaveB = await gate.enter('create');
    const volume = gate.enter('volume').then((leave) => {
      order.push('volume');
      return leave;
    });
    await settled();
    expect(order).toEqual([]);
    leaveA();
    leaveA(); // twice is once
    await settled();
    expect(order).toEqual([]);
    leaveB();
    const leaveVolume = await volume;
    const create = gate.enter('create').then((leave) => {
      order.push('create');
      return leave;
    });
    await settled();
    expect(order).toEqual(['volume']);
    leaveVolume();
    (await create)();
    expect(order).toEqual(['volume', 'create']);
  });

  test('the same kind does not wait for itself', async () => {
    const gate = new VolumeGate();
    const a = await gate.enter('volume');
    const b = await gate.enter('volume');
    a();
    b();
    (await gate.enter('create'))();
  });
});
