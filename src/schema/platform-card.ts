import { z } from 'zod';
import { calendarDate } from './dates.ts';
import { webUrl } from './url-policy.ts';
import { PLATFORMS, oneOf } from './taxonomy.ts';

/** The five things a crisis team needs to do on any platform, in the order they usually come. */
export const PLATFORM_ACTION_LABELS = {
  pause: 'Pause scheduled posts and ads',
  replies: 'Limit or hide replies',
  compromised: 'Lock down or recover a compromised account',
  impersonation: 'Report impersonation',
  support: 'Escalate to platform support',
} as const;
export type PlatformAction = keyof typeof PLATFORM_ACTION_LABELS;
export const PLATFORM_ACTIONS = Object.keys(PLATFORM_ACTION_LABELS) as [PlatformAction, ...PlatformAction[]];

const steps = (what: string) =>
  z
    .array(z.string().trim().min(5))
    .min(1, `write at least one step for "${what}", or say where the platform offers none`);

/**
 * A platform action card (`content/platforms/<id>.md`): how to do the five crisis actions on one
 * platform or tool. Menus move, so every card says when someone last checked it against the
 * platform's own help pages and links them; the content check warns when that check is old.
 */
export const platformCardSchema = z
  .object({
    /** The platform or tool as people call it ("Instagram and Facebook (Meta Business Suite)"). */
    title: z.string().trim().min(1).max(80),
    /** One sentence: what this card covers and the one thing to know first. */
    summary: z.string().trim().min(20).max(240),
    /** Platforms of the post-mortem vocabulary this card covers (none for a scheduling tool). */
    platforms: z.array(oneOf(PLATFORMS)).default([]),
    /** Position on the index (lower first). */
    order: z.number().int().default(100),
    /** The day someone last followed these steps against the platform's help pages. */
    lastVerified: calendarDate,
    /** The platform's own help pages the steps were checked against. */
    sources: z
      .array(
        z
          .object({
            /** The help page's title as the platform gives it. */
            title: z.string().trim().min(3),
            /** Its address (https). */
            url: webUrl,
          })
          .strict(),
      )
      .min(1, 'link the platform help pages the steps were checked against'),
    /** The steps for each action, in order; menu names are phrased loosely where they change often. */
    actions: z
      .object({
        /** Pause scheduled posts and paid campaigns. */
        pause: steps(PLATFORM_ACTION_LABELS.pause),
        /** Limit who can reply, hide or filter replies. */
        replies: steps(PLATFORM_ACTION_LABELS.replies),
        /** Secure the account: sessions, connected apps, two-factor, recovery. */
        compromised: steps(PLATFORM_ACTION_LABELS.compromised),
        /** Report an account pretending to be the brand. */
        impersonation: steps(PLATFORM_ACTION_LABELS.impersonation),
        /** Reach a human at the platform. */
        support: steps(PLATFORM_ACTION_LABELS.support),
      })
      .strict(),
    /** The role that keeps this card true. */
    owner: z.string().trim().min(2),
  })
  .strict();

export type PlatformCard = z.output<typeof platformCardSchema>;
