import * as z from 'zod/mini';

const field = z.optional(z.string().check(z.maxLength(2_000)));

/** A scraped customer: short strings only — anything else is not a customer we should forward. */
export const rawCustomerSchema = z.strictObject({
  firstName: field,
  lastName: field,
  fullName: field,
  email: field,
  phone: field,
  company: field,
  country: field,
  profiles: z.optional(z.array(z.string().check(z.maxLength(2_000))).check(z.maxLength(20))),
});

const presetId = z.string().check(z.maxLength(100));

export const previewMessageSchema = z.strictObject({ type: z.literal('preview:get') });

export const notifyMessageSchema = z.strictObject({
  type: z.literal('notify'),
  customer: rawCustomerSchema,
  presetId: z.optional(presetId),
});

// Only bounded in size here: the per-field rules (utils/presets/schema) answer with a message per field.
const draftText = z.string().check(z.maxLength(5_000));
const presetDraftMessage = z.strictObject({
  id: presetId,
  name: draftText,
  type: draftText,
  subType: draftText,
  customProps: z.array(z.strictObject({ key: draftText, value: draftText })).check(z.maxLength(500)),
});

const formValue = z.union([z.string().check(z.maxLength(5_000)), z.boolean()]);

export const pageMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setup:get') }),
  z.strictObject({ type: z.literal('setup:save'), form: z.record(z.string(), formValue) }),
  z.strictObject({ type: z.literal('connection:test') }),
  z.strictObject({ type: z.literal('history:get') }),
  z.strictObject({ type: z.literal('history:retry'), id: z.string().check(z.maxLength(100)) }),
  z.strictObject({ type: z.literal('history:resend'), id: z.string().check(z.maxLength(100)), customer: rawCustomerSchema }),
  z.strictObject({ type: z.literal('history:discard'), id: z.string().check(z.maxLength(100)) }),
  z.strictObject({ type: z.literal('history:clear') }),
  z.strictObject({ type: z.literal('presets:get') }),
  z.strictObject({
    type: z.literal('presets:save'),
    presets: z.array(presetDraftMessage).check(z.maxLength(200)),
    defaultPresetId: presetId,
  }),
]);
