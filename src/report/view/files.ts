/** Files by place: changes and reads folded into directories with counts, and reads of sensitive places always by path. */
import { FILE_GROUPS, type FileEntry, type FileGroup, type ReportModel } from '../modelTypes.js';
import { isUnder } from '../fileGroups.js';
import { cutOf, num, plain, stepCell } from './cells.js';
import { places, type Place, type PlaceInput } from './places.js';
import type { Block, Row, SectionView, TableView } from './types.js';

export const GROUP_NAMES: Record<FileGroup, string> = {
  workspace: 'workspace',
  temp: 'temp',
  home: 'home',
  proc: 'other process (/proc)',
  system: 'system',
};

/** Paths listed under one place when it is expanded. */
const PATHS_PER_PLACE = 50;

/** Paths as a reader knows them: ./ for the workspace, ~ for a home directory. */
export function displayPath(path: string, model: Pick<ReportModel, 'workspace' | 'tempDir'>): string {
  const roots: [string | undefined, string][] = [
    [model.workspace, '.'],
    [model.tempDir, '$RUNNER_TEMP'],
  ];
  for (const [root, name] of roots.sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0))) {
    const trimmed = root?.replace(/\/+$/, '');
    if (trimmed && trimmed !== '/' && isUnder(path, trimmed)) return `${name}${path.slice(trimmed.length)}`;
  }
  const home = /^(\/home\/[^/]+|\/root)(?=\/|$)/.exec(path);
  return home === null ? path : `~${path.slice(home[0].length)}`;
}

export function filesSection(model: ReportModel): SectionView {
  const blocks: Block[] = [
    {
      type: 'text',
      text: 'Paths are summarised by place: ./ is the workspace, ~ a home directory. Expand a place on the HTML page for its paths.',
    },
  ];
  const sensitive = sensitiveTable(model);
  if (sensitive !== undefined) blocks.push({ type: 'table', table: sensitive });
  blocks.push({ type: 'table', table: changesTable(model) }, { type: 'table', table: readsTable(model) });
  return { key: 'files', title: 'Files', blocks };
}

function sensitiveTable(model: ReportModel): TableView | undefined {
  const s = model.files.sensitive;
  if (s === undefined || (s.items.length === 0 && s.omitted === 0)) return undefined;
  const rows: Row[] = s.items.map((f) => ({
    cells: [
      { text: f.path, code: true, tone: 'warn' },
      plain(f.reason),
      plain(f.operation),
      num(f.count),
      { text: f.execPath, code: true },
      stepCell(f.step),
    ],
    tone: 'warn',
  }));
  return {
    key: 'sensitive',
    title: 'Sensitive places',
    columns: [
      { title: 'Path' },
      { title: 'What it holds' },
      { title: 'Operation', nowrap: true },
      { title: 'Times', num: true },
      { title: 'First process' },
      { title: 'Step' },
    ],
    rows,
    pinned: rows.length,
    cut: cutOf(s),
    empty: 'None.',
    noun: 'sensitive paths',
  };
}

type Grouped = Pick<FileEntry, 'group'> & { path: string };

function placeRows(model: ReportModel, inputs: (PlaceInput & { group: FileGroup })[], columns: number): Row[] {
  const groups = new Map(inputs.map((i) => [i.path, i.group]));
  const rows = places(inputs, columns, Math.max(1, model.rowLimit), PATHS_PER_PLACE);
  return rows.map((p) => placeRow(p, groups.get(p.paths[0] ?? p.path) ?? 'system'));
}

function placeRow(p: Place, group: FileGroup): Row {
  const cells = [
    { text: p.path, code: true },
    plain(GROUP_NAMES[group], group === 'proc' ? 'warn' : undefined),
    num(p.files),
    ...p.counts.map((n) => num(n === 0 ? undefined : n)),
  ];
  return p.paths.length > 0 ? { cells, detail: { lines: p.paths, more: p.morePaths } } : { cells };
}

function inputsOf(model: ReportModel, items: Grouped[], op: number, weight: (i: number) => number) {
  return items.map((f, i) => ({ path: displayPath(f.path, model), op, weight: weight(i), group: f.group }));
}

function changesTable(model: ReportModel): TableView {
  const { written, removed, moved, linked } = model.files;
  const one = () => 1;
  const inputs = [
    ...inputsOf(model, written.items, 0, one),
    ...inputsOf(model, removed.items, 1, one),
    ...inputsOf(model, moved.items.map((m) => ({ ...m, path: m.targetPath })), 2, one),
    ...inputsOf(model, linked.items.map((l) => ({ ...l, path: l.targetPath })), 3, one),
  ];
  return {
    key: 'changes',
    title: 'Written, removed, moved and linked',
    columns: [
      { title: 'Place' },
      { title: 'Where', nowrap: true },
      { title: 'Files', num: true },
      { title: 'Written', num: true },
      { title: 'Removed', num: true },
      { title: 'Moved here', num: true },
      { title: 'Linked here', num: true },
    ],
    rows: sortByGroup(placeRows(model, inputs, 4)),
    cut: cutOf(written, removed, moved, linked),
    facet: 1,
    empty: 'No files were changed.',
    noun: 'places',
  };
}

function readsTable(model: ReportModel): TableView {
  const read = model.files.read;
  const inputs = inputsOf(model, read.items, 0, (i) => read.items[i].count);
  return {
    key: 'reads',
    title: 'Read (the most read files, by place)',
    columns: [{ title: 'Place' }, { title: 'Where', nowrap: true }, { title: 'Files', num: true }, { title: 'Opens', num: true }],
    rows: sortByGroup(placeRows(model, inputs, 1)),
    cut: cutOf(read),
    facet: 1,
    empty: 'No files were read.',
    noun: 'places',
  };
}

/** Workspace first, system last: the order of how much a reader cares. */
function sortByGroup(rows: Row[]): Row[] {
  const names: string[] = FILE_GROUPS.map((g) => GROUP_NAMES[g]);
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => names.indexOf(a.row.cells[1].text) - names.indexOf(b.row.cells[1].text) || a.i - b.i)
    .map(({ row }) => row);
}
