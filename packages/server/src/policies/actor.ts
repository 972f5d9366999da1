// Who is making a request. Set by the authentication hook; every command receives one.
export type Actor =
  | { readonly role: 'consumer'; readonly phone: string }
  | { readonly role: 'merchant'; readonly merchantId: string; readonly userId: string | null }
  | { readonly role: 'officer'; readonly officerId: string; readonly officeId: string }
  | { readonly role: 'system' };

export function actorId(a: Actor): string | null {
  switch (a.role) {
    case 'consumer':
      return a.phone;
    case 'merchant':
      return a.userId ?? `merchant:${a.merchantId}`;
    case 'officer':
      return a.officerId;
    case 'system':
      return null;
  }
}
