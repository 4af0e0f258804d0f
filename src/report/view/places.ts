/**
 * Files summarised by place: the paths of one kind of operation folded into
 * directories, as finely as a row budget allows. `npm install` writes
 * thousands of files into ~/.npm/_cacache; a reader wants that as one row,
 * not as 934 rows that push everything else out of the summary.
 */

export interface PlaceInput {
  /** As displayed: ~ for home, ./ for the workspace. */
  path: string;
  /** Index of the column this entry counts in (written, removed, …). */
  op: number;
  /** Added to the place's total in that column (1 for distinct files, opens for reads). */
  weight: number;
}

export interface Place {
  /** A directory ends with "/…"; otherwise a single file. */
  path: string;
  files: number;
  /** Per column. */
  counts: number[];
  /** The paths under a directory place, up to the limit. */
  paths: string[];
  morePaths: number;
}

interface Dir {
  name: string;
  dirs: Map<string, Dir>;
  files: Map<string, { path: string; counts: number[] }>;
  total: number;
}

const newDir = (name: string): Dir => ({ name, dirs: new Map(), files: new Map(), total: 0 });

function insert(root: Dir, input: PlaceInput, columns: number): void {
  const parts = input.path.split('/');
  const file = parts.pop() as string;
  const chain = [root];
  for (const part of parts) {
    const dir = chain[chain.length - 1];
    let next = dir.dirs.get(part);
    if (next === undefined) dir.dirs.set(part, (next = newDir(dir === root ? part : `${dir.name}/${part}`)));
    chain.push(next);
  }
  const dir = chain[chain.length - 1];
  let entry = dir.files.get(file);
  if (entry === undefined) {
    dir.files.set(file, (entry = { path: input.path, counts: new Array<number>(columns).fill(0) }));
    for (const d of chain) d.total++;
  }
  entry.counts[input.op] += input.weight;
}

/** A directory whose only content is one directory says nothing of its own: show the deeper one. */
function collapse(dir: Dir): Dir {
  let d = dir;
  while (d.files.size === 0 && d.dirs.size === 1) d = [...d.dirs.values()][0];
  return d;
}

function contents(dir: Dir): (Dir | { path: string; counts: number[] })[] {
  return [...[...dir.dirs.values()].map(collapse), ...dir.files.values()];
}

const isDir = (x: Dir | { path: string }): x is Dir => 'dirs' in x;

/**
 * Opens the biggest directories first, each only if its contents still fit
 * in `maxRows`, so the rows say as much as the budget allows.
 */
export function places(inputs: PlaceInput[], columns: number, maxRows: number, pathsPerPlace: number): Place[] {
  const root = newDir('');
  for (const input of inputs) insert(root, input, columns);
  let rows: (Dir | { path: string; counts: number[] })[] = contents(root);
  const closed = new Set<Dir>();
  for (;;) {
    const open = rows.filter((r): r is Dir => isDir(r) && !closed.has(r)).sort((a, b) => b.total - a.total);
    const next = open.find((d) => rows.length - 1 + contents(d).length <= maxRows);
    if (next === undefined) break;
    const at = rows.indexOf(next);
    rows = [...rows.slice(0, at), ...contents(next), ...rows.slice(at + 1)];
    closed.add(next);
  }
  return rows.map((r) => (isDir(r) ? dirPlace(r, columns, pathsPerPlace) : filePlace(r))).sort((a, b) => b.files - a.files);
}

function filePlace(f: { path: string; counts: number[] }): Place {
  return { path: f.path, files: 1, counts: [...f.counts], paths: [], morePaths: 0 };
}

function dirPlace(dir: Dir, columns: number, pathsPerPlace: number): Place {
  const counts = new Array<number>(columns).fill(0);
  const paths: string[] = [];
  // Depth-first in name order, so the paths shown are the first ones a listing would show.
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop() as Dir;
    for (const name of [...d.files.keys()].sort()) {
      const f = d.files.get(name) as { path: string; counts: number[] };
      f.counts.forEach((n, i) => (counts[i] += n));
      if (paths.length < pathsPerPlace) paths.push(f.path);
    }
    stack.push(...[...d.dirs.keys()].sort().reverse().map((k) => d.dirs.get(k) as Dir));
  }
  return { path: `${dir.name}/…`, files: dir.total, counts, paths, morePaths: Math.max(0, dir.total - paths.length) };
}
