// Who is signed in on this phone, for the consumer pages.
import type { Identity } from '@nalish/domain/responses';
import { ApiError, api } from '../../api.ts';

/** The signed-in consumer's number; null when not signed in; undefined when offline. */
export async function currentConsumer(): Promise<string | null | undefined> {
  try {
    const s = await api<Identity>('GET', '/api/v1/session');
    return s.role === 'consumer' ? s.phone : null;
  } catch (e) {
    return e instanceof ApiError && e.offline ? undefined : null;
  }
}
