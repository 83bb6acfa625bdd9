import { formatMinutes } from '../../lib/analysis/durations.ts';
import { BODY_OUTLINE, renderBodyOutline } from '../../schema/body-outline.ts';
import { evidenceKindLabel, formatTime } from '../format.ts';
import type { DraftBody } from '../redact.ts';
import { inertLine } from './markdown.ts';

/**
 * The Markdown body of a drafted post-mortem: the shared body outline (src/schema/body-outline.ts)
 * filled with what the exports tell, with TODO markers where only a human can judge. The draft is
 * already redacted; every piece of text that came from an export goes through `inertLine` here,
 * so it stays visible text in Markdown and in MDX.
 */
export function renderBody(draft: DraftBody): string {
  const { durations, times, tz } = draft;
  const at = (date: Date) => formatTime(date, tz);

  const happened: string[] = [
    'TODO: one paragraph in your own words: what happened, how bad it got, how it ended. Then update `summary` in the front matter.',
    '',
    ...(draft.exportSummary ? [`The export's summary, to start from: ${inertLine(draft.exportSummary)}`, ''] : []),
    `Drafted from ${draft.sources.length === 1 ? 'one export' : `${draft.sources.length} exports`}:`,
    '',
    ...draft.sources.map((source) => `- ${inertLine(source.adapter)}: \`${source.file.replace(/`/g, "'")}\``),
    '',
    `- Started: ${at(times.started)}`,
    `- Detected: ${at(times.detected)}, ${formatMinutes(durations.toDetect)} after the start`,
  ];
  if (times.peak) {
    const peakLine = `- Mention peak: ${draft.peakCount ?? '?'} mentions in the hour from ${at(times.peak)}`;
    if (durations.responseAfterPeak !== undefined) {
      const rel = durations.responseAfterPeak;
      happened.push(
        `${peakLine}; the first response came ${rel < 0 ? `${formatMinutes(-rel)} before` : `${formatMinutes(rel)} after`} the peak hour began`,
      );
    } else happened.push(peakLine);
  }
  const { overLimit, afterResolution, total } = draft.omitted;
  const shown = total - overLimit - afterResolution;
  happened.push('', `The timeline in the front matter shows ${shown} of ${total} events.`);
  if (overLimit > 0)
    happened.push(
      `${overLimit} less significant events (mostly chat messages and routine replies) were left out to keep it readable.`,
    );
  if (afterResolution > 0)
    happened.push(`${afterResolution} events more than an hour after the resolution were left out.`);
  happened.push(
    'TODO: check the timeline: remove noise, reword events in plain blameless sentences, add what the exports could not know.',
  );
  happened.push('', `- ${inertLine(draft.severityNote)}`);
  for (const note of draft.notes) happened.push(`- ${inertLine(note)}`);

  const response: string[] = [
    durations.toFirstResponse !== undefined
      ? `- First public response: ${at(times.firstResponse!)}, ${formatMinutes(durations.toFirstResponse)} after detection`
      : '- First public response: none found in the exports. TODO: confirm the brand never spoke in public, or add `firstResponse`.',
    durations.toResolve !== undefined
      ? `- Resolved: ${at(times.resolved!)}, ${formatMinutes(durations.toResolve)} after the start`
      : '- Resolved: not known from the exports. TODO: set `resolved` once volume and sentiment are back to normal.',
    '',
    `TODO: ${BODY_OUTLINE[1].hint}`,
  ];

  const differently: string[] = [];
  if (draft.lessons.length === 0) {
    differently.push('The importer found none of the patterns it looks for. TODO: write the lessons yourself.');
  } else {
    differently.push(
      'Suggested lessons: each was drafted from the evidence below and is listed in `lessons` with the prefix "Suggested (confirm or delete)". Keep, reword or delete each one.',
      '',
    );
    for (const lesson of draft.lessons) {
      differently.push(`- **Step ${lesson.step}** (suggested, confirm or delete): ${inertLine(lesson.text)}`);
      for (const item of lesson.evidence) {
        differently.push(
          `  - Evidence, ${at(item.at)}, ${inertLine(evidenceKindLabel(item.kind))}: ${inertLine(item.text)}`,
        );
      }
    }
  }
  differently.push(
    '',
    'TODO: in the front matter, name the contributing factors (what about the system made this easy to happen; blameless: no names, no "X should have"), what went well and what went poorly, and at least one action of type `prevent` that addresses the root cause, each with an owner role (not a person).',
  );

  const body = renderBodyOutline(
    {
      'what-happened': happened.join('\n'),
      response: response.join('\n'),
      'what-we-would-do-differently': differently.join('\n'),
    },
    (section) => `TODO: ${section.hint}`,
  );
  return `_Drafted by \`npm run import\`. Everything marked TODO needs a human; suggested lessons need confirming or deleting._\n\n${body}`;
}
