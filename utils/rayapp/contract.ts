import * as z from 'zod/mini';

/** `POST /oauth/token` success body. Extra fields (scope, jti) are tolerated, not needed. */
export const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string().check(z.minLength(1)),
  expires_in: z.number().check(z.positive()),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** OAuth2-style error body (`invalid_grant`, `invalid_client`, …). */
export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.optional(z.string()),
});

/** RayApp's result body: `{message, result, statusCode}`; every field is optional in practice. */
export const apiResultSchema = z.object({
  message: z.optional(z.string()),
  result: z.optional(z.string()),
  statusCode: z.optional(z.number()),
});
