import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { incidentExportSchema } from '../../src/schema/incident-export.ts';
import { actionItemSchema, postmortemFields, sourceSchema } from '../../src/schema/postmortem.ts';

/** The smallest valid export: the format marker and one event. */
const minimal = {
  format: 'firebreak-incident',
  version: 1,
  events: [{ at: '2026-03-14T09:30:00Z', kind: 'trigger', text: 'A post goes viral', actor: 'public' }],
};

const messages = (value: unknown) =>
  incidentExportSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('the Firebreak incident JSON schema, derived from the post-mortem schema', () => {
  it('takes the post-mortem fields it shares as they are, only optional', () => {
    for (const key of ['severity', 'crisisType', 'scct', 'origin', 'detectionSource'] as const) {
      expect(incidentExportSchema.shape[key].unwrap()).toBe(postmortemFields.shape[key]);
    }
    expect(incidentExportSchema.shape.sources.unwrap()).toBe(postmortemFields.shape.sources.unwrap());
    expect(incidentExportSchema.shape.sources.unwrap().element).toBe(sourceSchema);
  });

  it("refuses a value with the post-mortem's own message", () => {
    expect(messages({ ...minimal, severity: 5 })).toEqual(['severity: severity runs from 1 (critical) to 4 (watch)']);
    expect(messages({ ...minimal, lessons: [{ text: 'Answer within the hour', step: 11 }] })).toEqual([
      'lessons.0.step: steps are numbered 1 to 10',
    ]);
    expect(
      messages({ ...minimal, sources: [{ title: 'The post', url: 'javascript:alert(1)', kind: 'social-post' }] }),
    ).toEqual(['sources.0.url: expected an http(s):// link']);
  });

  it('leaves out a list that was left out, instead of filling in the post-mortem default of []', () => {
    const parsed = incidentExportSchema.parse(minimal);
    for (const key of ['tags', 'wentWell', 'wentPoorly', 'sources', 'lessons', 'actionItems'] as const) {
      expect(parsed[key], key).toBeUndefined();
    }
    expect(postmortemFields.shape.tags.parse(undefined)).toEqual([]);
  });

  it('keeps what an export may do that a finished post-mortem may not', () => {
    const parsed = incidentExportSchema.parse({
      ...minimal,
      title: 'Oops',
      platforms: [],
      contributingFactors: [],
      actionItems: [
        { title: 'Write a holding statement', ownerRole: 'Comms lead', type: 'process', due: '2026-04-01' },
      ],
    });
    expect(parsed.title).toBe('Oops');
    expect(parsed.actionItems?.[0]).toMatchObject({ status: 'open', due: '2026-04-01' });
    expect(actionItemSchema.safeParse({ title: 'x x x', ownerRole: 'Comms', type: 'process' }).success).toBe(false);
  });

  it('stays strict: an unknown field is an error, not silently dropped', () => {
    expect(messages({ ...minimal, sevirity: 2 })).toEqual([': Unrecognized key: "sevirity"']);
  });

  it('keeps the descriptions of the fields it takes, for the JSON Schema', () => {
    const json = z.toJSONSchema(incidentExportSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    expect(json.properties['severity']?.description).toBe(postmortemFields.shape.severity.description);
    expect(json.properties['tags']?.description).toBe(postmortemFields.shape.tags.unwrap().description);
    expect(json.properties['tags']).not.toHaveProperty('default');
  });
});
