// Who is making a request. Set by the authentication hook; every command receives one.
import type { ApiKeyScope } from '@nalish/domain';

/** A merchant's API key as it authenticated: which key, and what it may do. */
export interface ApiKeyGrant {
  readonly id: string;
  readonly scopes: readonly ApiKeyScope[];
}

export type Actor =
  | { readonly role: 'consumer'; readonly phone: string }
  // Staff signed in to the portal have a userId; the merchant's systems an API key (never both).
  | { readonly role: 'merchant'; readonly merchantId: string; readonly userId: string; readonly apiKey?: undefined }
  | { readonly role: 'merchant'; readonly merchantId: string; readonly userId: null; readonly apiKey: ApiKeyGrant }
  | { readonly role: 'officer'; readonly officerId: string; readonly officeId: string }
  | { readonly role: 'system' };

export function actorId(a: Actor): string | null {
  switch (a.role) {
    case 'consumer':
      return a.phone;
    case 'merchant':
      return a.userId ?? `apikey:${a.apiKey.id}`;
    case 'officer':
      return a.officerId;
    case 'system':
      return null;
  }
}

/** Session users are not limited by scopes; an API key only to the scopes it was given. */
export function hasScope(a: Actor, scope: ApiKeyScope): boolean {
  return a.role !== 'merchant' || !a.apiKey || a.apiKey.scopes.includes(scope);
}
