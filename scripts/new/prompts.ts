import { cancel, intro, isCancel, multiselect, select, text } from '@clack/prompts';
import { SEVERITY_LEVELS } from '../../src/schema/severity.ts';
import {
  CRISIS_TYPE_LABELS,
  CRISIS_TYPES,
  PLATFORM_LABELS,
  PLATFORMS,
  type CrisisType,
  type Platform,
} from '../../src/schema/taxonomy.ts';
import { dateProblem, titleProblem, type NewFlags } from './options.ts';

/** The person pressed Ctrl+C or Esc: stop without writing anything. */
export class PromptCancelled extends Error {}

function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) {
    cancel('Nothing was written.');
    throw new PromptCancelled('cancelled');
  }
  return value as Exclude<T, symbol>;
}

/**
 * Asks, on a terminal, for each choice the flags left out. Only what is needed to name and
 * file the draft is asked; everything else is a placeholder with a hint in the file.
 */
export async function askMissing(flags: NewFlags, today: string): Promise<NewFlags> {
  intro('New post-mortem');
  const filled: NewFlags = { ...flags };
  filled.title ??= answered(
    await text({
      message: 'Title: the incident in a few words, as the team remembers it',
      placeholder: 'Promo code leaked on X',
      validate: (value) => titleProblem(value ?? ''),
    }),
  ).trim();
  filled.date ??= answered(
    await text({
      message: 'The day it started (YYYY-MM-DD)',
      defaultValue: today,
      placeholder: today,
      validate: (value) => (value ? dateProblem(value) : undefined),
    }),
  );
  filled.severity ??= answered(
    await select({
      message: 'Peak severity',
      initialValue: 3,
      options: SEVERITY_LEVELS.map((level) => ({
        value: level.level as number,
        label: `${level.level} ${level.name}`,
        hint: level.reach,
      })),
    }),
  );
  filled.crisisType ??= answered(
    await select<CrisisType>({
      message: 'Crisis type',
      initialValue: 'other',
      options: CRISIS_TYPES.map((type) => ({ value: type, label: CRISIS_TYPE_LABELS[type] })),
    }),
  );
  filled.platforms ??= answered(
    await multiselect<Platform>({
      message: 'Platforms it played out on (space to tick, enter to confirm)',
      required: true,
      options: PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[platform] })),
    }),
  );
  return filled;
}
