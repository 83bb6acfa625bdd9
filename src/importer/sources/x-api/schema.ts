import { z } from 'zod';

/**
 * The parts of an X API v2 response page the importer reads. Objects are loose: the API adds
 * fields over time (edit_controls, note_tweet…) and twarc adds `__twarc`; only what is read is checked.
 */

const PublicMetrics = z.looseObject({
  like_count: z.number().optional(),
  retweet_count: z.number().optional(),
  reply_count: z.number().optional(),
  quote_count: z.number().optional(),
  impression_count: z.number().optional(),
});

export const Tweet = z.looseObject({
  id: z.string(),
  text: z.string(),
  created_at: z.string().optional(),
  author_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
  edit_history_tweet_ids: z.array(z.string()).optional(),
  public_metrics: PublicMetrics.optional(),
});
export type Tweet = z.infer<typeof Tweet>;

export const User = z.looseObject({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  public_metrics: z.looseObject({ followers_count: z.number().optional() }).optional(),
});
export type User = z.infer<typeof User>;

/**
 * One entry of a response's `errors`: a post (or user) the API could not return. `title` says
 * why ("Not Found Error" for a deleted post, "Authorization Error" for a protected one).
 */
export const ApiError = z.looseObject({
  resource_type: z.string().optional(),
  resource_id: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Page = z.looseObject({
  // A single-post lookup returns one object: read as a list of one, so errors name data[0].field.
  data: z.preprocess(
    (value) => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(Tweet).optional(),
  ),
  includes: z
    .looseObject({
      users: z.array(User).optional(),
      tweets: z.array(Tweet).optional(),
    })
    .optional(),
  meta: z.looseObject({}).optional(),
  /** Partial errors: requested or referenced posts that are deleted, protected or suspended. */
  errors: z.array(ApiError).optional(),
});
export type Page = z.infer<typeof Page>;

/**
 * A page of `GET /2/tweets/counts/recent` or `/all`: how many posts matched the query in each
 * time bucket (`granularity` minute, hour — the default — or day), no posts themselves.
 */
export const CountsPage = z.looseObject({
  data: z.array(
    z.looseObject({
      start: z.iso.datetime({
        offset: true,
        error: 'expected the bucket start as ISO 8601, like "2021-05-26T23:00:00.000Z"',
      }),
      end: z.iso.datetime({
        offset: true,
        error: 'expected the bucket end as ISO 8601, like "2021-05-27T00:00:00.000Z"',
      }),
      tweet_count: z.number({ error: 'expected tweet_count, a number' }).int().min(0),
    }),
  ),
  meta: z.looseObject({ total_tweet_count: z.number().optional() }).optional(),
});
export type CountsPage = z.infer<typeof CountsPage>;
