import type { IncidentEvent } from '../../model/incident.ts';
import { tsKey, type ReadMessage } from './messages.ts';

/**
 * Puts thread replies right after their parent, in the order they were written, and the threads
 * in the order their parents were posted. Replies live in the day file of the day they were
 * written, so a thread can span several files and only the whole channel can be ordered.
 * A reply whose parent is outside the export keeps the place its parent would have had.
 */
export function groupThreads(messages: readonly ReadMessage[]): IncidentEvent[] {
  const keyed = messages.map((message) => ({
    thread: tsKey(message.threadTs ?? message.ts),
    reply: message.threadTs === undefined ? 0 : 1,
    own: tsKey(message.ts),
    event: message.event,
  }));
  keyed.sort((a, b) => compare(a.thread, b.thread) || a.reply - b.reply || compare(a.own, b.own));
  return keyed.map((item) => item.event);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
