import { BODY_OUTLINE, type BodySectionId } from '../../schema/body-outline.ts';
import type { ContributeDraft } from './draft-file.ts';

/**
 * Between the contribute form's controls and its draft, both ways. The markup
 * (src/components/contribute/Field.astro and RowList.astro) marks each control with its
 * front-matter path (`data-field`, or `data-key` inside a `data-list` row) and how its value is
 * read (`data-type`); empty controls are left out, so an untouched field is absent from the
 * file rather than written as a guess. Times are typed as wall-clock times and written with the
 * form's one time zone.
 */

/** What the form keeps between reloads: the draft and the zone its times were typed in. */
export interface FormState extends ContributeDraft {
  zone: string;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The zone of this device on a given day, as `Z` or `±HH:MM`. */
export function deviceZone(date: Date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes > 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const ZONE = /^(?:Z|[+-]\d{2}:\d{2})$/;

/** A typed wall-clock time (`2025-03-14T09:05`) as the schema's zoned timestamp. */
export function zonedTime(local: string, zone: string): string {
  const withSeconds = /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${withSeconds}${ZONE.test(zone.trim()) ? zone.trim() : ''}`;
}

/** A zoned timestamp shown as wall-clock time in `zone` (converted when it was written in another). */
export function localTime(value: string, zone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(value.trim());
  if (!match) return value;
  if (match[2]!.toUpperCase() === zone.toUpperCase()) return match[1]!;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !ZONE.test(zone)) return match[1]!;
  const offset =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return new Date(ms + offset * 60_000).toISOString().slice(0, 19);
}

function read(control: Control, zone: string): unknown {
  const type = control.dataset['type'] ?? 'text';
  const raw = control.value;
  if (raw.trim() === '') return undefined;
  switch (type) {
    case 'int':
    case 'number': {
      const number = Number(raw);
      // Kept as typed when it is not a number, so the check's message names the field.
      return Number.isFinite(number) ? number : raw;
    }
    case 'csv':
      return raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    case 'lines':
      return raw
        .split('\n')
        .map((part) => part.trim())
        .filter(Boolean);
    case 'datetime':
      return zonedTime(raw, zone);
    default:
      return raw;
  }
}

function write(control: Control, value: unknown, zone: string): void {
  const type = control.dataset['type'] ?? 'text';
  if (value === undefined || value === null) control.value = '';
  else if (type === 'csv' && Array.isArray(value)) control.value = value.join(', ');
  else if (type === 'lines' && Array.isArray(value)) control.value = value.join('\n');
  else if (type === 'datetime') control.value = localTime(String(value), zone);
  else control.value = String(value);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (value === undefined) return;
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function getPath(source: unknown, path: readonly string[]): unknown {
  let node = source;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The controls of the form outside list rows. */
function topLevel<T extends Element>(form: HTMLElement, selector: string): T[] {
  return [...form.querySelectorAll<T>(selector)].filter((element) => !element.closest('[data-row]'));
}

function groupValue(group: HTMLElement): unknown {
  const numbers = group.dataset['type'] === 'int';
  const checked = [...group.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((box) =>
    numbers ? Number(box.value) : box.value,
  );
  if (group.dataset['group'] === 'platforms') {
    const first = group.querySelector<HTMLSelectElement>('select[data-first]')?.value ?? '';
    const rest = checked.filter((platform) => platform !== first);
    const all = first ? [first, ...rest] : rest;
    return all.length > 0 ? all : undefined;
  }
  return checked.length > 0 ? checked : undefined;
}

function setGroup(group: HTMLElement, value: unknown): void {
  const values = Array.isArray(value) ? value.map(String) : [];
  const first = group.querySelector<HTMLSelectElement>('select[data-first]');
  if (first) first.value = values[0] ?? '';
  for (const box of group.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = values.includes(box.value) && (!first || box.value !== values[0]);
  }
}

/** The rows of a list, each with its controls, in order. */
export function rowsOf(list: HTMLElement): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>('[data-rows] > [data-row]')];
}

/**
 * Reads the form. Each control gets `data-at`, the path the check will name for it
 * (`timeline.1.at`), so a problem finds its way back to the control. Every row the contributor
 * added is in the file, empty or not: the check then says what it still needs.
 */
export function collect(form: HTMLElement): FormState {
  const zone = form.querySelector<HTMLInputElement>('[data-zone]')?.value.trim() ?? '';
  const frontmatter: Record<string, unknown> = {};
  for (const control of topLevel<Control>(form, '[data-field]:not(fieldset)')) {
    control.dataset['at'] = control.dataset['field']!;
    setPath(frontmatter, control.dataset['field']!.split('.'), read(control, zone));
  }
  for (const group of topLevel<HTMLElement>(form, 'fieldset[data-field]')) {
    group.dataset['at'] = group.dataset['field']!;
    setPath(frontmatter, group.dataset['field']!.split('.'), groupValue(group));
  }
  for (const list of form.querySelectorAll<HTMLElement>('[data-list]')) {
    const name = list.dataset['list']!;
    list.dataset['at'] = name;
    const items: Record<string, unknown>[] = [];
    for (const row of rowsOf(list)) {
      const item: Record<string, unknown> = {};
      const at = `${name}.${items.length}`;
      row.dataset['at'] = at;
      for (const control of row.querySelectorAll<Control>('[data-key]')) {
        control.dataset['at'] = `${at}.${control.dataset['key']}`;
        setPath(item, control.dataset['key']!.split('.'), read(control, zone));
      }
      items.push(item);
    }
    if (items.length > 0) frontmatter[name] = items;
  }
  const body: Partial<Record<BodySectionId, string>> = {};
  for (const section of BODY_OUTLINE) {
    const text = form.querySelector<HTMLTextAreaElement>(`[data-body="${section.id}"]`)?.value ?? '';
    if (text.trim()) body[section.id] = text;
  }
  return { frontmatter, body, zone };
}

/** Fills the form from a saved or imported state, making the rows it needs. */
export function fill(form: HTMLElement, state: FormState, addRow: (list: HTMLElement) => HTMLElement): void {
  const zone = state.zone;
  const zoneInput = form.querySelector<HTMLInputElement>('[data-zone]');
  if (zoneInput) zoneInput.value = zone;
  for (const control of topLevel<Control>(form, '[data-field]:not(fieldset)')) {
    write(control, getPath(state.frontmatter, control.dataset['field']!.split('.')), zone);
  }
  for (const group of topLevel<HTMLElement>(form, 'fieldset[data-field]')) {
    setGroup(group, getPath(state.frontmatter, group.dataset['field']!.split('.')));
  }
  for (const list of form.querySelectorAll<HTMLElement>('[data-list]')) {
    for (const row of rowsOf(list)) row.remove();
    const items = state.frontmatter[list.dataset['list']!];
    for (const item of Array.isArray(items) ? items : []) {
      const row = addRow(list);
      for (const control of row.querySelectorAll<Control>('[data-key]')) {
        write(control, getPath(item, control.dataset['key']!.split('.')), zone);
      }
    }
  }
  for (const section of BODY_OUTLINE) {
    const area = form.querySelector<HTMLTextAreaElement>(`[data-body="${section.id}"]`);
    if (area) area.value = state.body[section.id] ?? '';
  }
}
