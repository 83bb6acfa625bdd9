/**
 * The incident log page: the scribe adds timestamped entries, which are kept in this browser's
 * storage (they survive a reload and work offline) and leave the device only through Export,
 * as a Firebreak incident JSON file for `npm run import`.
 */
import { LOG_KINDS, toIncidentExport, zonedTimestamp, type LogEntry, type LogKind } from '../lib/incident-log/model.ts';
import { appendEntry, INCIDENT_LOG_KEY, readLog, writeLog } from './incident-log-store.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

function renderEntry(entry: LogEntry, onRemove: (id: string) => void): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'log-entry';
  item.dataset['entryKind'] = entry.kind;
  const time = document.createElement('time');
  time.dateTime = entry.at;
  time.textContent = timeFormat.format(new Date(entry.at));
  const kind = document.createElement('span');
  kind.className = 'log-entry__kind';
  kind.textContent = LOG_KINDS[entry.kind].label;
  const text = document.createElement('p');
  text.className = 'log-entry__text';
  text.textContent = entry.text;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'log-entry__remove';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove entry from ${time.textContent}: ${entry.text.slice(0, 40)}`);
  remove.addEventListener('click', () => {
    if (window.confirm('Remove this entry from the log?')) onRemove(entry.id);
  });
  const head = document.createElement('div');
  head.className = 'log-entry__head';
  head.append(time, kind);
  item.append(head, text, remove);
  return item;
}

export function startIncidentLog(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-log-form]');
  const list = root.querySelector<HTMLOListElement>('[data-log-entries]');
  const status = root.querySelector<HTMLElement>('[data-log-status]');
  const title = root.querySelector<HTMLInputElement>('[data-log-title]');
  const exportButton = root.querySelector<HTMLButtonElement>('[data-log-export]');
  const clearButton = root.querySelector<HTMLButtonElement>('[data-log-clear]');
  if (!form || !list || !status || !title || !exportButton || !clearButton) return;
  const textField = form.elements.namedItem('text') as HTMLTextAreaElement;
  const whenField = form.elements.namedItem('when') as HTMLInputElement;

  const render = () => {
    const log = readLog();
    title.value = log.title;
    list.replaceChildren(
      ...[...log.entries].reverse().map((entry) =>
        renderEntry(entry, (id) => {
          const current = readLog();
          writeLog({ ...current, entries: current.entries.filter((e) => e.id !== id) });
          render();
        }),
      ),
    );
    const count = log.entries.length;
    status.textContent =
      count === 0
        ? 'No entries yet. They are kept on this device only.'
        : `${count} entr${count === 1 ? 'y' : 'ies'}, kept on this device only.`;
    exportButton.disabled = count === 0;
    clearButton.disabled = count === 0;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textField.value.trim();
    if (!text) {
      textField.setCustomValidity('Write what happened first.');
      textField.reportValidity();
      return;
    }
    const kind = (new FormData(form).get('kind') as LogKind | null) ?? 'note';
    const when = whenField.value ? new Date(whenField.value) : new Date();
    appendEntry(kind, text, Number.isNaN(when.getTime()) ? new Date() : when);
    textField.value = '';
    whenField.value = '';
    render();
    textField.focus();
  });
  textField.addEventListener('input', () => textField.setCustomValidity(''));

  title.addEventListener('change', () => writeLog({ ...readLog(), title: title.value.trim() }));

  exportButton.addEventListener('click', () => {
    const log = readLog();
    if (log.entries.length === 0) return;
    const json = `${JSON.stringify(toIncidentExport(log), null, 2)}\n`;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = `firebreak-incident-${zonedTimestamp(new Date()).slice(0, 16).replace(/[:T]/g, '-')}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status.textContent = `Exported ${log.entries.length} entries as ${link.download}.`;
  });

  clearButton.addEventListener('click', () => {
    if (!window.confirm('Clear the whole log on this device? Export it first if you still need it.')) return;
    writeLog({ version: 1, title: '', entries: [] });
    render();
  });

  // Ticks on Crisis now or a runbook in another tab land here too.
  window.addEventListener('storage', (event) => {
    if (event.key === INCIDENT_LOG_KEY) render();
  });

  form.hidden = false;
  root.querySelector<HTMLElement>('[data-log-tools]')!.hidden = false;
  render();
}
