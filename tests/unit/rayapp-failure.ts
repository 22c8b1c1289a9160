import { expect } from 'vitest';
import { RayAppError } from '@/utils/rayapp/errors';

/** The RayAppError a call rejects with; fails the test if it resolves or throws something else. */
export async function failure(promise: Promise<unknown>): Promise<RayAppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a RayAppError, but the call succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RayAppError);
  return error as RayAppError;
}
