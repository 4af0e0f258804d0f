import { LineSplitter } from '../../src/daemon/controlServer.js';

test('lines come whole however the bytes are cut, a character split between chunks included', () => {
  const text = '{"op":"stats"}\n{"job":"é✓"}\nhalf';
  const bytes = Buffer.from(text);
  for (let cut = 1; cut < bytes.length; cut++) {
    const s = new LineSplitter();
    const lines = [...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut))];
    expect(lines).toEqual(['{"op":"stats"}', '{"job":"é✓"}']);
    expect(s.size).toBe(4);
  }
});

test('the partial line is counted, and forgotten once its newline comes', () => {
  const s = new LineSplitter();
  for (let i = 0; i < 64; i++) expect(s.push(Buffer.alloc(1024, 'a'))).toEqual([]);
  expect(s.size).toBe(64 * 1024);
  const [line] = s.push(Buffer.from('\n'));
  expect(line).toHaveLength(64 * 1024);
  expect(s.size).toBe(0);
  expect(s.push(Buffer.from('\n\nx\n'))).toEqual(['', '', 'x']);
});
