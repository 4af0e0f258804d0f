/** A recorded events.ndjson, event by event in log order (rules eval, and rules loaded late in a job). */
import type { EventRecord } from '../events/eventRecord.js';
import { EventLineParser, forEachLine } from '../report/logReader.js';

/** Calls visit with each event of the log; returns how many lines were not JSON (a torn last line, say). */
export function replayLog(path: string, visit: (event: EventRecord) => void): number {
  const parser = new EventLineParser();
  let unreadable = 0;
  forEachLine(path, (line) => {
    let event: EventRecord;
    try {
      event = parser.parse(line);
    } catch {
      unreadable++;
      return;
    }
    visit(event);
  });
  return unreadable;
}
