import * as z from 'zod/mini';
import { EMAIL_RE } from './email';

const text = z.optional(z.string().check(z.minLength(1)));
const profile = z.optional(z.string().check(z.regex(/^https:\/\/\S+$/)));

/** The `user` of a RayApp interaction event, as far as this extension fills it (RAYAPP_API.md §3). */
export const interactionUserSchema = z
  .object({
    email: z.optional(z.string().check(z.regex(EMAIL_RE))),
    /** E.164. */
    phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{5,14}$/))),
    name: text,
    lastName: text,
    /** ISO 3166-1 alpha-2. */
    country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
    linkedInProfile: profile,
    twitterProfile: profile,
    facebookProfile: profile,
    instagramProfile: profile,
    googleProfile: profile,
  })
  .check(z.refine((u) => u.email !== undefined || u.phone !== undefined, 'An email or a phone is required'));

export type InteractionUser = z.infer<typeof interactionUserSchema>;
