import { formatProblem, type Problem } from '../../lib/content-check/problem.ts';
import { BODY_OUTLINE } from '../../schema/body-outline.ts';
import { storageGet, storageRemove, storageSet } from '../storage.ts';
import { draftFile, type DraftFile } from './draft-file.ts';
import { collect, deviceZone, fill, rowsOf, type FormState } from './form-data.ts';
import { pullRequestLink } from './github-link.ts';
import { stateFromExport } from './import-json.ts';
import { renderPreview } from './preview.ts';
import { judgeFile, type ContributeContext } from './validate.ts';

/** Where the draft is kept on this device between reloads. */
export const DRAFT_KEY = 'firebreak:contribute-draft';

interface PageContext extends ContributeContext {
  repository: string;
  branch: string;
}

/** Today on this device, YYYY-MM-DD: the file's day until a start time is given. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function savedState(): FormState | undefined {
  const raw = storageGet(DRAFT_KEY);
  if (!raw) return undefined;
  try {
    const state = JSON.parse(raw) as FormState;
    return state && typeof state.frontmatter === 'object' ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The contribute page: reads the form on every change, writes the file through the one
 * post-mortem writer, judges it with the check's own rules, and shows each problem beside its
 * field, the preview, the pull-request link and the download. The draft is kept on the device.
 */
export function startContributeForm(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-contribute-form]');
  const contextScript = document.getElementById('contribute-context');
  if (!form || !contextScript) return;
  const context = JSON.parse(contextScript.textContent ?? '{}') as PageContext;
  const $ = <T extends HTMLElement>(selector: string) => form.querySelector<T>(selector)!;
  let rowCounter = 0;
  // Error slots get their ids once, so a control's aria-describedby never points at two.
  let slotCounter = 0;
  let current: DraftFile | undefined;

  const numberRows = (list: HTMLElement) => {
    const title = list.querySelector('h2')?.textContent ?? '';
    rowsOf(list).forEach((row, index) => {
      const legend = row.querySelector('[data-row-legend]');
      if (legend) legend.textContent = `${title} ${index + 1}`;
      const remove = row.querySelector('[data-remove-row]');
      remove?.setAttribute('aria-label', `Remove ${title.toLowerCase()} ${index + 1}`);
    });
  };

  const addRow = (list: HTMLElement): HTMLElement => {
    const template = list.querySelector<HTMLTemplateElement>('template[data-row-template]')!;
    const row = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    const n = ++rowCounter;
    for (const field of row.querySelectorAll<HTMLElement>('.field')) {
      const control = field.querySelector<HTMLElement>('[data-key]');
      if (!control) continue;
      const id = `${list.dataset['list']}-${n}-${control.dataset['key']!.replace(/\W+/g, '-')}`;
      control.id = id;
      field.querySelector('label')?.setAttribute('for', id);
    }
    list.querySelector('[data-rows]')!.append(row);
    numberRows(list);
    return row;
  };

  // A fresh form would otherwise open with an error under every empty field. Beside a field, a
  // problem shows once that field has been edited, or for every field once the writer has a
  // draft to check (one restored or imported, or the download asked for); the verdict at the
  // bottom always lists every problem.
  const touched = new Set<Element>();
  let showAll = false;
  const shown = (field: Element) => showAll || [...touched].some((control) => field.contains(control));

  const showProblems = (problems: readonly Problem[], file: DraftFile) => {
    for (const slot of form.querySelectorAll<HTMLElement>('[data-error]')) {
      slot.hidden = true;
      slot.textContent = '';
      const field = slot.parentElement!;
      field.removeAttribute('data-invalid');
      for (const control of field.querySelectorAll<HTMLElement>('input, select, textarea')) {
        control.removeAttribute('aria-invalid');
        const describedBy = (control.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .filter((id) => id && id !== slot.id);
        if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
        else control.removeAttribute('aria-describedby');
      }
    }
    const bodyStarts = bodySectionLines(file.text);
    for (const problem of problems) {
      const target = problem.field === 'body' ? bodyTarget(problem.line, bodyStarts) : fieldTarget(problem.field);
      const slot = target
        ?.closest('.field, [data-list], fieldset.field')
        ?.querySelector<HTMLElement>(':scope > [data-error]');
      if (!target || !slot || !shown(slot.parentElement!)) continue;
      slot.id ||= `contribute-error-${++slotCounter}`;
      const word = problem.level === 'error' ? 'Error' : 'Warning';
      slot.textContent = `${slot.textContent ? `${slot.textContent}\n` : ''}${word}: ${problem.message}`;
      slot.hidden = false;
      slot.parentElement!.setAttribute('data-invalid', '');
      for (const control of slot.parentElement!.querySelectorAll<HTMLElement>(
        ':scope > input, :scope > select, :scope > textarea',
      )) {
        if (problem.level === 'error') control.setAttribute('aria-invalid', 'true');
        const describedBy = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
        describedBy.add(slot.id);
        control.setAttribute('aria-describedby', [...describedBy].join(' '));
      }
    }
  };

  /** The control the check's dotted path names, or the nearest one above it (`timeline.2` for `timeline.2.x`). */
  const fieldTarget = (field: string): HTMLElement | undefined => {
    const parts = field.split('.');
    for (let length = parts.length; length > 0; length--) {
      const at = parts.slice(0, length).join('.');
      const match = [...form.querySelectorAll<HTMLElement>('[data-at]')].find(
        (element) => element.dataset['at'] === at,
      );
      if (match) return match.matches('[data-row]') ? (match.closest('[data-list]') as HTMLElement) : match;
    }
    // A missing group (`impact`, `costs.refunds`): its first control.
    return [...form.querySelectorAll<HTMLElement>('[data-at]')].find((element) =>
      element.dataset['at']!.startsWith(`${field}.`),
    );
  };

  const bodyTarget = (line: number | undefined, starts: { id: string; line: number }[]): HTMLElement | undefined => {
    const section = [...starts].reverse().find((start) => line !== undefined && start.line <= line) ?? starts[0];
    return section ? (form.querySelector<HTMLElement>(`[data-body="${section.id}"]`) ?? undefined) : undefined;
  };

  const update = () => {
    const state = collect(form);
    storageSet(DRAFT_KEY, JSON.stringify(state));
    const file = draftFile(state, today());
    current = file;
    const verdict = judgeFile(file.path, file.text, context);
    showProblems(verdict.problems, file);

    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    $('[data-verdict]').textContent =
      verdict.errors > 0
        ? `FAILED: ${plural(verdict.errors, 'error')}, ${plural(verdict.warnings, 'warning')}. Each is listed below, and shown beside its field once you have filled it in.`
        : `OK: 0 errors, ${plural(verdict.warnings, 'warning')}: npm run check accepts this file.${verdict.draft ? ` ${verdict.draft}` : ''}`;
    const problemList = $('[data-problems]');
    problemList.replaceChildren(
      ...verdict.problems.map((problem) => {
        const item = document.createElement('li');
        item.textContent = formatProblem(problem);
        return item;
      }),
    );

    const link = $<HTMLAnchorElement>('[data-pull-request]');
    const tooLong = $('[data-too-long]');
    const pr = pullRequestLink(context.repository, context.branch, file.path, file.text);
    link.hidden = verdict.errors > 0 || !('url' in pr);
    tooLong.hidden = verdict.errors > 0 || 'url' in pr;
    if ('url' in pr) link.href = pr.url;
    else link.removeAttribute('href');

    $('[data-file-name]').textContent = file.path;
    $('[data-file]').textContent = file.text;
    renderPreview($('[data-preview]'), state);
  };

  let timer: number | undefined;
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 250);
  };
  const touch = (event: Event) => {
    if (event.target instanceof Element && event.target.matches('input, select, textarea')) touched.add(event.target);
    schedule();
  };
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const list = button.closest<HTMLElement>('[data-list]');
    if (button.matches('[data-add-row]') && list) {
      const row = addRow(list);
      row.querySelector<HTMLElement>('input, select, textarea')?.focus();
      update();
    } else if (button.matches('[data-remove-row]') && list) {
      button.closest('[data-row]')?.remove();
      numberRows(list);
      list.querySelector<HTMLElement>('[data-add-row]')?.focus();
      update();
    } else if (button.matches('[data-download]')) {
      showAll = true;
      update();
      if (current) download(current);
    } else if (button.matches('[data-clear]')) {
      if (!window.confirm('Clear the whole draft from this device?')) return;
      storageRemove(DRAFT_KEY);
      touched.clear();
      showAll = false;
      fill(form, { frontmatter: { status: 'draft' }, body: {}, zone: deviceZone() }, addRow);
      update();
    }
  });

  const importStatus = $('[data-import-status]');
  const importFile = async (file: File) => {
    const result = stateFromExport(file.name, await file.text(), deviceZone());
    if ('error' in result) {
      importStatus.textContent = result.error;
      return;
    }
    fill(form, result.state, addRow);
    showAll = true;
    update();
    const dropped = result.dropped.length ? ` Left out: ${result.dropped.join(', ')}.` : '';
    importStatus.textContent = `Filled in from ${file.name}: ${result.events} timeline events. Check every field.${dropped}`;
  };
  $<HTMLInputElement>('[data-import]').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void importFile(file);
  });
  const zone = $('[data-drop-zone]');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.setAttribute('data-over', '');
  });
  zone.addEventListener('dragleave', () => zone.removeAttribute('data-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.removeAttribute('data-over');
    const file = event.dataTransfer?.files[0];
    if (file) void importFile(file);
  });

  const saved = savedState();
  showAll = saved !== undefined;
  fill(form, saved ?? { frontmatter: { status: 'draft' }, body: {}, zone: deviceZone() }, addRow);
  form.hidden = false;
  update();
}

/** The 1-based line where each body section's heading is, in the written file. */
function bodySectionLines(text: string): { id: string; line: number }[] {
  const lines = text.split('\n');
  const starts: { id: string; line: number }[] = [];
  const closing = lines.indexOf('---', 1);
  lines.forEach((line, index) => {
    if (index <= closing) return;
    const heading = /^## (.+)$/.exec(line)?.[1];
    const id = heading && SECTION_IDS.get(heading);
    if (id) starts.push({ id, line: index + 1 });
  });
  return starts;
}

const SECTION_IDS = new Map<string, string>(BODY_OUTLINE.map((section) => [section.heading, section.id]));

function download(file: DraftFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'text/markdown' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${file.id}.md`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
