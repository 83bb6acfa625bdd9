import { getCollection, type CollectionEntry } from 'astro:content';
import { ROLES, type Role } from '../schema/roles.ts';
import { RUNBOOK_TYPES, type RunbookType } from '../schema/runbook.ts';
import { loadIncidents, type IncidentView } from './incidents.ts';

/**
 * The operational playbook as the pages read it: runbooks in taxonomy order, role cards in role
 * order, platform cards and scenario templates in their `order`. Memoized per build.
 */
export type RunbookEntry = CollectionEntry<'runbooks'>;
export type RoleEntry = CollectionEntry<'roles'>;
export type PlatformEntry = CollectionEntry<'platforms'>;
export type ScenarioEntry = CollectionEntry<'scenarioTemplates'>;

const byOrder = <T extends { data: { order: number; title: string } }>(a: T, b: T) =>
  a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);

let runbooks: Promise<RunbookEntry[]> | undefined;
export function loadRunbooks(): Promise<RunbookEntry[]> {
  runbooks ??= getCollection('runbooks').then((entries) =>
    [...entries].sort((a, b) => RUNBOOK_TYPES.indexOf(a.data.crisisType) - RUNBOOK_TYPES.indexOf(b.data.crisisType)),
  );
  return runbooks;
}

let roles: Promise<RoleEntry[]> | undefined;
export function loadRoleCards(): Promise<RoleEntry[]> {
  roles ??= getCollection('roles').then((entries) =>
    [...entries].sort((a, b) => ROLES.indexOf(a.data.role) - ROLES.indexOf(b.data.role)),
  );
  return roles;
}

let platforms: Promise<PlatformEntry[]> | undefined;
export function loadPlatformCards(): Promise<PlatformEntry[]> {
  platforms ??= getCollection('platforms').then((entries) => [...entries].sort(byOrder));
  return platforms;
}

let scenarios: Promise<ScenarioEntry[]> | undefined;
export function loadScenarioTemplates(): Promise<ScenarioEntry[]> {
  scenarios ??= getCollection('scenarioTemplates').then((entries) => [...entries].sort(byOrder));
  return scenarios;
}

/** Runbooks in which a role leads or joins from the start, for the role cards. */
export async function runbooksForRole(role: Role): Promise<{ leads: RunbookEntry[]; joins: RunbookEntry[] }> {
  const all = await loadRunbooks();
  return {
    leads: all.filter((entry) => entry.data.lead === role),
    joins: all.filter((entry) => entry.data.team.includes(role)),
  };
}

/** The newest past incidents of a crisis type, for the runbooks. */
export async function incidentsOfType(
  type: RunbookType,
  limit: number,
): Promise<{ views: IncidentView[]; total: number }> {
  const matching = (await loadIncidents()).filter((view) => view.entry.data.crisisType === type);
  return { views: matching.slice(0, limit), total: matching.length };
}
