// /embed/file?merchant=<id>&lang=bn|en&order=<signed context>: the filing flow inside the
// widget's overlay on a shop's page. No site header or footer; the shop is the merchant (it
// cannot be changed); the order fields come from the shop's signed context, read here only to
// fill them in (the server is the one that checks the signature); Escape, or "close" after
// filing, asks the shop's page to close the overlay. The session and the draft stay in this
// frame (api.ts, draft.ts): nothing reaches the shop's page.
import { type FileComplaintInput, PAYMENT_CHANNELS, normalizeBdMobile, toBengaliDigits } from '@nalish/domain';
import type { MerchantProfile } from '@nalish/domain/responses';
import { useEffect, useMemo, useState } from 'react';
import { api, keepSessionInFrame } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { keepDraftsInTab } from '../../ui/drafts.ts';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/Loading.tsx';
import { type Draft, emptyDraft, loadDraft, saveDraft } from './draft.ts';
import { type Embed, EmbedContext } from './embed.ts';
import FilePage from './file/FilePage.tsx';

interface OrderClaims {
  merchantId: string;
  orderNumber: string;
  orderDate: string;
  amountBdt: number;
  paymentChannel: FileComplaintInput['order']['paymentChannel'];
  buyerPhone: string;
}

/** The claims of a signed order context, for display only (unverified here). */
function decodeOrderContext(token: string): OrderClaims | null {
  const payload = token.split('.')[0] ?? '';
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const c = JSON.parse(new TextDecoder().decode(bytes)) as Partial<OrderClaims>;
    if (typeof c.merchantId !== 'string' || typeof c.orderNumber !== 'string' || typeof c.orderDate !== 'string') return null;
    if (typeof c.amountBdt !== 'number' || !PAYMENT_CHANNELS.includes(c.paymentChannel as never) || typeof c.buyerPhone !== 'string') return null;
    return c as OrderClaims;
  } catch {
    return null;
  }
}

/** Ask the page around this frame to close the overlay. The message carries no data at all. */
function askToClose(reset: boolean): void {
  if (window.parent !== window) window.parent.postMessage({ nalish: 'close', reset }, '*');
}

export default function EmbedFilePage({ path }: { path: string }) {
  const { t, locale } = useI18n();
  const query = useMemo(() => new URLSearchParams(path.split('?')[1] ?? ''), [path]);
  const merchantId = query.get('merchant') ?? '';
  const token = query.get('order') ?? '';
  const [ready, setReady] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') askToClose(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    keepSessionInFrame();
    const claims = token ? decodeOrderContext(token) : null;
    // One draft per merchant and order, kept for this tab only.
    keepDraftsInTab(`nalish.embed.${merchantId}.${token.slice(-12)}.`);
    api<MerchantProfile>('GET', `/api/v1/merchants/${encodeURIComponent(merchantId)}`)
      .then((m) => {
        const saved = loadDraft();
        if (saved.merchant.id !== m.id) {
          const d: Draft = { ...emptyDraft(), merchant: { id: m.id, name: m.name, website: '', facebookPage: '', registered: m.registered } };
          // A context that cannot be read, or names another merchant, is left out: the
          // consumer files as on the site, without the shop's confirmation.
          if (claims && claims.merchantId === m.id) {
            const phone = normalizeBdMobile(claims.buyerPhone);
            const digits = (s: string) => (locale === 'bn' ? toBengaliDigits(s) : s);
            d.phone = phone ? digits(`0${phone.slice(4)}`) : '';
            d.order = { number: claims.orderNumber, date: claims.orderDate, amount: digits(String(claims.amountBdt)), paymentChannel: claims.paymentChannel };
            d.orderContext = token;
          }
          saveDraft(d);
        }
        setReady(true);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
    // Once per shop and order: a change of language must not start the draft again.
  }, [merchantId, token]);

  const embed = useMemo<Embed>(() => ({ merchantLocked: true, close: askToClose }), []);

  return (
    <main id="main" className="embed">
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : !ready ? (
        <Loading />
      ) : (
        <EmbedContext.Provider value={embed}>
          <FilePage params={{}} />
        </EmbedContext.Provider>
      )}
    </main>
  );
}
