import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeYaml as stringify } from '../../src/lib/yaml.ts';
import { postmortemSchema, type PostmortemInput } from '../../src/schema/postmortem.ts';
import {
  ACTION_TYPES,
  CRISIS_TYPES,
  DETECTION_SOURCES,
  FACTOR_CATEGORIES,
  IMPACT_RATINGS,
  ORIGINS,
  PLATFORMS,
  SCCT_CLUSTERS,
} from '../../src/schema/taxonomy.ts';

/** Small deterministic PRNG (mulberry32): the same N always yields the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'refund delivery promo code influencer outage apology screenshot thread recall allergy password giveaway hashtag ' +
  'livestream subscription warehouse chatbot campaign billboard packaging pricing sponsor festival loyalty app update';

/**
 * Writes `count` synthetic, schema-valid post-mortems into `dir` (for the site benchmark). Each
 * is checked with the real schema before it is written, so the benchmark measures valid content.
 */
export function generatePostmortems(dir: string, count: number, seed = 42): void {
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const words = WORDS.split(' ');
  const minute = 60_000;
  for (let i = 0; i < count; i++) {
    const started = new Date(
      Date.UTC(2019, 0, 1) + Math.floor(rand() * 7 * 365) * 86_400_000 + Math.floor(rand() * 1440) * minute,
    );
    const detected = new Date(started.getTime() + Math.floor(5 + rand() * 600) * minute);
    const firstResponse =
      rand() < 0.9 ? new Date(detected.getTime() + Math.floor(5 + rand() * 2000) * minute) : undefined;
    const resolved = new Date((firstResponse ?? detected).getTime() + Math.floor(60 + rand() * 5000) * minute);
    const topic = `${pick(words)} ${pick(words)}`;
    const iso = (d: Date) => d.toISOString();
    const platforms = [...new Set([pick(PLATFORMS), pick(PLATFORMS)])];
    const data: PostmortemInput = {
      title: `Synthetic incident ${i + 1}: the ${topic} backlash`,
      summary: `A generated incident about a ${topic} problem that spread on ${platforms.join(' and ')}, used to measure how the library scales.`,
      status: 'published',
      example: true,
      tags: [pick(words), pick(words)],
      severity: 1 + Math.floor(rand() * 4),
      crisisType: pick(CRISIS_TYPES),
      scct: pick(SCCT_CLUSTERS),
      platforms,
      origin: pick(ORIGINS),
      detectionSource: pick(DETECTION_SOURCES),
      started: iso(started),
      detected: iso(detected),
      ...(firstResponse ? { firstResponse: iso(firstResponse) } : {}),
      resolved: iso(resolved),
      timeline: [
        { at: iso(started), kind: 'trigger', text: `A post about the ${topic} starts circulating.` },
        { at: iso(detected), kind: 'detection', text: 'The listening tool raises an alert.' },
        ...(firstResponse
          ? [{ at: iso(firstResponse), kind: 'statement' as const, text: 'Holding statement posted.' }]
          : []),
        { at: iso(resolved), kind: 'resolution', text: 'Volume back to normal.' },
      ],
      impact: { summary: `Complaints about the ${topic} for a few days.`, rating: pick(IMPACT_RATINGS) },
      contributingFactors: [{ category: pick(FACTOR_CATEGORIES), text: `No owner for ${pick(words)} checks.` }],
      wentWell: ['The team met within the hour.'],
      wentPoorly: ['Approvals took longer than the playbook allows.'],
      lessons: [{ text: `Check ${pick(words)} before launch.`, step: 1 + Math.floor(rand() * 10) }],
      actionItems: [
        {
          title: `Add a ${pick(words)} checklist`,
          ownerRole: 'Social media lead',
          type: pick(ACTION_TYPES),
          status: 'open',
        },
      ],
      playbookSteps: [1 + Math.floor(rand() * 10)],
    };
    postmortemSchema.parse(data);
    const day = iso(started).slice(0, 10);
    const body = `\n## What happened\n\nA ${topic} issue reached ${platforms.join(', ')}. ${'The team followed the playbook. '.repeat(3)}\n`;
    writeFileSync(join(dir, `${day}-synthetic-${i + 1}.md`), `---\n${stringify(data)}---\n${body}`);
  }
}
