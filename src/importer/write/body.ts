import { formatMinutes } from '../../lib/analysis/durations.ts';
import { TIMELINE_KIND_LABELS } from '../../schema/taxonomy.ts';
import type { Draft } from './draft.ts';
import { formatTime, truncate } from './format.ts';
import { inertLine, oneLine } from './markdown.ts';

/**
 * The Markdown body of a drafted post-mortem: the narrative sections with TODO markers where
 * only a human can judge. Every piece of text that came from an export goes through
 * `inertLine` (after redaction), so it stays visible text in Markdown and in MDX.
 */
export function renderBody(draft: Draft): string {
  const { durations, times, tz, incident, redactor } = draft;
  const at = (date: Date) => formatTime(date, tz);
  const text = (raw: string) => inertLine(oneLine(redactor.text(raw)));
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(
    '_Drafted by `npm run import`. Everything marked TODO needs a human; suggested lessons need confirming or deleting._',
    '',
    '## Summary',
    '',
    'TODO: one paragraph in your own words: what happened, how bad it got, how it ended. Then update `summary` in the front matter.',
    '',
    ...(incident.authored.summary
      ? [`The export's summary, to start from: ${text(incident.authored.summary)}`, '']
      : []),
    `Drafted from ${incident.sources.length === 1 ? 'one export' : `${incident.sources.length} exports`}:`,
    '',
    ...incident.sources.map((source) => `- ${inertLine(source.adapter)}: \`${source.file.replace(/`/g, "'")}\``),
    '',
    '## Timeline notes',
    '',
    `- Started: ${at(times.started)}`,
    `- Detected: ${at(times.detected)}, ${formatMinutes(durations.toDetect)} after the start`,
    durations.toFirstResponse !== undefined
      ? `- First public response: ${at(times.firstResponse!)}, ${formatMinutes(durations.toFirstResponse)} after detection`
      : '- First public response: none found in the exports. TODO: confirm the brand never spoke in public, or add `firstResponse`.',
    durations.toResolve !== undefined
      ? `- Resolved: ${at(times.resolved!)}, ${formatMinutes(durations.toResolve)} after the start`
      : '- Resolved: not known from the exports. TODO: set `resolved` once volume and sentiment are back to normal.',
  );
  if (times.peak) {
    const peakLine = `- Mention peak: ${incident.mentions?.peakCount ?? '?'} mentions in the hour from ${at(times.peak)}`;
    if (durations.responseAfterPeak !== undefined) {
      const rel = durations.responseAfterPeak;
      push(
        `${peakLine}; the first response came ${rel < 0 ? `${formatMinutes(-rel)} before` : `${formatMinutes(rel)} after`} the peak hour began`,
      );
    } else push(peakLine);
  }
  const { overLimit, afterResolution, total } = draft.omitted;
  const shown = total - overLimit - afterResolution;
  push('', `The timeline in the front matter shows ${shown} of ${total} events.`);
  if (overLimit > 0)
    push(
      `${overLimit} less significant events (mostly chat messages and routine replies) were left out to keep it readable.`,
    );
  if (afterResolution > 0) push(`${afterResolution} events more than an hour after the resolution were left out.`);
  push(
    'TODO: check the timeline: remove noise, reword events in plain blameless sentences, add what the exports could not know.',
  );
  push('', `- ${inertLine(draft.severityNote)}`);
  for (const note of draft.notes) push(`- ${text(note)}`);

  push('', '## Suggested lessons', '');
  if (draft.lessons.length === 0) {
    push('The importer found none of the patterns it looks for. TODO: write the lessons yourself.');
  } else {
    push(
      'Each was drafted from the evidence below and is listed in `lessons` with the prefix "Suggested (confirm or delete)". Keep, reword or delete each one.',
      '',
    );
    for (const lesson of draft.lessons) {
      push(`- **Step ${lesson.step}** (suggested, confirm or delete): ${text(lesson.text)}`);
      for (const item of lesson.evidence) {
        const kind = item.kind === 'metric' ? 'Metric' : TIMELINE_KIND_LABELS[item.kind];
        push(`  - Evidence, ${at(item.at)}, ${inertLine(kind)}: ${text(truncate(oneLine(item.text), 200))}`);
      }
    }
  }

  push(
    '',
    '## Contributing factors',
    '',
    'TODO: what about the system (process, tooling, approvals, training) made this easy to happen? Blameless: no names, no "X should have".',
    '',
    '## What went well',
    '',
    'TODO: what helped, so we keep doing it.',
    '',
    '## What went poorly',
    '',
    'TODO: what hurt, described without blaming a person.',
    '',
    '## Action items',
    '',
    'TODO: at least one action of type `prevent` that addresses the root cause, each with an owner role (not a person).',
    '',
  );
  return lines.join('\n');
}
