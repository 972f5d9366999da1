// The Nalish widget loader, the one file a shop includes:
//   <script src="https://nalish.example/widget.js" data-merchant="<merchant id>" async></script>
// adds a "অভিযোগ করুন / Complain" button (or, with data-target="#id", uses the shop's own
// element) that opens the Nalish filing flow in an overlay: an iframe from the Nalish origin,
// so the shop's page can read nothing the consumer types. data-order passes the shop's signed
// order context. The same file served as /badge.js (or with data-badge) shows the trust badge.
//
// It must fit any page: everything it draws lives in a closed Shadow DOM whose :host rules are
// !important (they outrank the page's own !important rules for the host), sizes are in px
// (the page may change the root font size), and it defines no global but window.Nalish.
// Docs: docs/INTEGRATION.md.

type Lang = 'bn' | 'en';
interface Words {
  button: string;
  dialog: string;
  close: string;
  frame: string;
  notHere: string;
  openNalish: string;
}
/** From the domain catalogue (widget.*), put in by build.ts. */
declare const __WORDS__: Record<Lang, Words>;

interface OpenOptions {
  merchant?: string;
  order?: string;
  lang?: Lang;
}
interface Config extends Required<Pick<OpenOptions, 'merchant' | 'lang'>> {
  order?: string | undefined;
  origin: string;
}
interface Api {
  open(options?: OpenOptions | Config, opener?: Element | null): void;
  close(): void;
  /** Internal: set up script tags not yet seen (every copy of the loader calls it). */
  _scan(): void;
}

const FONT = "'Noto Sans Bengali','Hind Siliguri','Noto Sans','Segoe UI',system-ui,sans-serif";
const GREEN = '#0b6e4f';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The host element takes no style from the page: our !important :host rules win over the
// page's, and `all: initial` leaves nothing for the shadow content to inherit.
const HOST = ':host{all:initial!important;direction:ltr!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;clip-path:none!important;pointer-events:auto!important;';

const BUTTON_CSS = `*{box-sizing:border-box}
button{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;gap:8px;min-height:48px;min-width:48px;padding:10px 18px;border:2px solid #fff;border-radius:24px;background:${GREEN};color:#fff;font:600 16px/1.25 ${FONT};cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.35);white-space:nowrap}
button:hover{background:#095c42}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
svg{width:20px;height:20px;flex:none}`;

const OVERLAY_CSS = `*{box-sizing:border-box}
.backdrop{position:fixed;inset:0;background:rgba(17,24,39,.6)}
.dialog{position:fixed;inset:0;display:flex;flex-direction:column;width:100vw;height:100vh;height:100dvh;background:#fff;color:#111827;font:16px/1.4 ${FONT}}
@media (min-width:600px){.dialog{inset:20px 0;margin:0 auto;width:520px;height:auto;max-height:780px;border-radius:12px;overflow:hidden;box-shadow:0 10px 40px rgba(0,0,0,.4)}}
.bar{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:6px 8px 6px 16px;background:${GREEN};color:#fff;min-height:52px}
.title{font-weight:700;font-size:16px}
.close{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;gap:6px;min-height:44px;min-width:44px;padding:8px 12px;border-radius:8px;color:#fff;font:600 15px/1.2 ${FONT};cursor:pointer;border:2px solid rgba(255,255,255,.7)}
.close:hover{background:rgba(255,255,255,.15)}
.close:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
iframe{display:block;flex:1;width:100%;min-height:0;border:0;background:#fff}
.edge{position:fixed;width:1px;height:1px;overflow:hidden;opacity:0}
.not-here{flex:1;padding:24px 20px;overflow:auto}
.not-here p{all:initial;display:block;margin:0 0 20px;color:#111827;font:16px/1.5 ${FONT}}
.not-here a{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;min-height:48px;padding:10px 18px;border-radius:24px;background:${GREEN};color:#fff;font:600 16px/1.25 ${FONT};cursor:pointer;text-decoration:underline}
.not-here a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}`;

const BADGE_CSS = `*{box-sizing:border-box}
a{all:initial;box-sizing:border-box;display:inline-flex;gap:10px;align-items:flex-start;max-width:340px;padding:10px 12px;border:2px solid ${GREEN};border-left-width:6px;border-radius:10px;background:#fff;color:#1f2937;font:13px/1.4 ${FONT};cursor:pointer;text-decoration:none}
a.warn{border-color:#9a3412}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
span{display:block}
.head{font-weight:700;font-size:14px}
.warn .head{color:#9a3412}
.site{font-weight:700;color:${GREEN}}
.warn .site{color:#9a3412}
svg{width:28px;height:28px;flex:none}`;

const SVG_NS = 'http://www.w3.org/2000/svg';

function icon(path: string, colour: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill', colour);
  svg.append(p);
  return svg;
}
const BUBBLE = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm7 4v5h2V7h-2zm0 7v2h2v-2h-2z';
const WARN = 'M12 2 1 21h22L12 2zm-1 7h2v6h-2V9zm0 8h2v2h-2v-2z';
const SHIELD = 'M12 2 4 5v6c0 5 3.4 9.6 8 11 4.6-1.4 8-6 8-11V5l-8-3zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3z';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** A host element with a closed shadow root styled by `css` (constructed sheets pass a strict CSP). */
function shadowHost(name: string, css: string): [HTMLElement, ShadowRoot] {
  const host = document.createElement(name);
  const root = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(el('style', {}, css));
  }
  return [host, root];
}

function langOf(explicit: string | undefined): Lang {
  const l = (explicit || document.documentElement.lang || '').toLowerCase();
  return l.startsWith('bn') ? 'bn' : 'en';
}

function whenReady(f: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', f, { once: true });
  else f();
}

function makeApi(): Api {
  let host: HTMLElement | null = null;
  let dialog: HTMLElement;
  let bar: HTMLElement;
  let closeButton: HTMLButtonElement;
  let frame: HTMLIFrameElement | null = null;
  let frameOrigin = '';
  let opener: Element | null = null;
  let isOpen = false;
  let fallback: Config | null = null;
  const seen = new WeakSet<HTMLScriptElement>();
  /** Per merchant and Nalish origin: may this page frame the form? */
  const siteChecks = new Map<string, Promise<boolean>>();

  /**
   * Nalish lets only the merchant's registered websites frame the form (frame-ancestors); on
   * any other site the browser would show its broken-page icon. The badge's data says whether
   * this page is one of them (by the Origin header), so the overlay can say so in words
   * instead. A failed check opens the form as before.
   */
  function siteAllowed(origin: string, merchant: string): Promise<boolean> {
    if (location.origin === origin) return Promise.resolve(true);
    const key = `${origin} ${merchant}`;
    let p = siteChecks.get(key);
    if (!p) {
      p = fetch(`${origin}/api/v1/badge/${encodeURIComponent(merchant)}`, { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : null))
        .then((b: null | { status?: string; site?: { verified?: boolean } }) => !b || (b.status === 'registered' && b.site?.verified === true))
        .catch(() => true);
      siteChecks.set(key, p);
    }
    return p;
  }

  function build(words: Words): void {
    const [h, root] = shadowHost('nalish-overlay', `${HOST}display:none!important}:host([data-open]){display:block!important;position:fixed!important;inset:0!important;z-index:2147483647!important}\n${OVERLAY_CSS}`);
    host = h;
    closeButton = el('button', { type: 'button', class: 'close' });
    bar = el('div', { class: 'bar' });
    dialog = el('div', { role: 'dialog', 'aria-modal': 'true', class: 'dialog' }, bar);
    // Focus cannot leave the dialog: reaching either edge sends it back in.
    const start = el('span', { tabindex: '0', class: 'edge' });
    const end = el('span', { tabindex: '0', class: 'edge' });
    start.addEventListener('focus', () => (frame ?? closeButton).focus());
    end.addEventListener('focus', () => closeButton.focus());
    const backdrop = el('div', { class: 'backdrop' });
    backdrop.addEventListener('click', () => close());
    closeButton.addEventListener('click', () => close());
    root.append(backdrop, start, dialog, end);
    root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') {
        e.stopPropagation();
        close();
      }
    });
    label(words);
    // The form inside the frame asks to close (Escape there, or done): only our frame may.
    window.addEventListener('message', (e) => {
      if (!frame || e.source !== frame.contentWindow || e.origin !== frameOrigin) return;
      const d = e.data as { nalish?: string; reset?: boolean } | null;
      if (d && d.nalish === 'close') close(d.reset === true);
    });
    // Focus that lands on the page behind (a click, a screen reader) comes back to the dialog.
    document.addEventListener('focusin', (e) => {
      if (isOpen && e.target !== host) closeButton.focus();
    });
  }

  function label(words: Words): void {
    dialog.setAttribute('aria-label', words.dialog);
    closeButton.replaceChildren(el('span', { 'aria-hidden': 'true' }, '✕'), words.close);
    bar.replaceChildren(el('span', { class: 'title' }, words.dialog), closeButton);
  }

  /** Open the form: for a script tag's own config, or (window.Nalish.open) the first widget's, changed by `options`. */
  function open(options: OpenOptions | Config = {}, from: Element | null = null): void {
    let c: Partial<Config>;
    if ('origin' in options) c = options;
    else {
      c = { ...fallback, ...options };
      // Another merchant than the page's widget: not that widget's order.
      if (options.merchant && options.merchant !== fallback?.merchant && !options.order) c.order = undefined;
    }
    const { merchant, origin, order } = c;
    if (!merchant || !UUID.test(merchant) || !origin) return;
    const lang = c.lang === 'bn' || c.lang === 'en' ? c.lang : langOf(undefined);
    const words = __WORDS__[lang];
    if (!host) build(words);
    else label(words);
    const src = `${origin}/embed/file?merchant=${encodeURIComponent(merchant)}&lang=${lang}${order ? `&order=${encodeURIComponent(order)}` : ''}`;
    opener = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    // Last in the document, so it paints above anything of the page with the same z-index.
    // (Moved only when a new frame is coming: moving a loaded frame would reload it; and before
    // the focus goes in, which moving would take away.)
    if (!host!.isConnected || !frame || frame.getAttribute('src') !== src) document.documentElement.append(host!);
    host!.setAttribute('data-open', '');
    isOpen = true;
    closeButton.focus();
    void siteAllowed(origin, merchant).then((ok) => {
      if (ok) showFrame(src, origin, words);
      else showNotHere(origin, words);
    });
  }

  /** On a site the merchant did not register: why the form is not here, and Nalish in a new tab. */
  function showNotHere(origin: string, words: Words): void {
    frame?.remove();
    frame = null;
    dialog.querySelector('.not-here')?.remove();
    const link = el('a', { href: `${origin}/file`, target: '_blank', rel: 'noopener' }, words.openNalish);
    dialog.append(el('div', { class: 'not-here', role: 'status' }, el('p', {}, words.notHere), link));
  }

  function showFrame(src: string, origin: string, words: Words): void {
    dialog.querySelector('.not-here')?.remove();
    // The same form reopens as it was left (nothing typed is lost by closing); another one replaces it.
    if (!frame || frame.getAttribute('src') !== src) {
      frame?.remove();
      frame = el('iframe', { src, title: words.frame, referrerpolicy: 'origin' });
      frameOrigin = origin;
      dialog.append(frame);
    } else frame.title = words.frame;
  }

  function close(reset = false): void {
    if (!host || !isOpen) return;
    isOpen = false;
    host.removeAttribute('data-open');
    if (reset) {
      frame?.remove();
      frame = null;
    }
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }

  function button(config: Config, script: HTMLScriptElement): void {
    const inline = script.hasAttribute('data-inline');
    const place = inline ? 'display:inline-block!important' : 'display:block!important;position:fixed!important;right:16px!important;bottom:16px!important;z-index:2147483647!important';
    const [h, root] = shadowHost('nalish-button', `${HOST}${place}}\n${BUTTON_CSS}`);
    const b = el('button', { type: 'button', 'aria-haspopup': 'dialog' }, icon(BUBBLE, '#fff'), __WORDS__[config.lang].button);
    b.addEventListener('click', () => api.open(config, h));
    root.append(b);
    // The host, not the inner button, is what the page sees focused; send focus back to the button.
    h.focus = () => b.focus();
    // Floating, it goes last in the document, after <body>: it paints above anything of the
    // page with the same z-index, and no transform or filter on <body> can move or hide it.
    if (inline && script.parentNode) script.parentNode.insertBefore(h, script);
    else whenReady(() => document.documentElement.append(h));
  }

  function attach(config: Config, selector: string): void {
    whenReady(() => {
      const target = document.querySelector(selector);
      if (!target) return;
      target.setAttribute('aria-haspopup', 'dialog');
      target.addEventListener('click', (e) => {
        e.preventDefault();
        api.open(config, target);
      });
    });
  }

  function badge(config: Config, script: HTMLScriptElement): void {
    const [h, root] = shadowHost('nalish-badge', `${HOST}display:inline-block!important}\n${BADGE_CSS}`);
    const selector = script.dataset.target;
    if (selector) whenReady(() => document.querySelector(selector)?.append(h));
    else script.parentNode?.insertBefore(h, script);
    fetch(`${config.origin}/api/v1/badge/${encodeURIComponent(config.merchant)}?lang=${config.lang}`, { credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : null))
      .then((b: null | { merchantId: string; site: { verified: boolean }; text: { brand: string; status: string; papers: string; lines: string[]; site: string; profile: string } }) => {
        if (!b) return;
        const good = b.site.verified;
        const link = el(
          'a',
          // The profile on the Nalish the script came from (the server's own address may be configured otherwise).
          { href: `${config.origin}/sellers/${b.merchantId}`, target: '_blank', rel: 'noopener', class: good ? 'ok' : 'warn', lang: config.lang, title: b.text.profile },
          good ? icon(SHIELD, GREEN) : icon(WARN, '#9a3412'),
          el(
            'span',
            {},
            el('span', { class: 'head' }, `${b.text.brand} · ${b.text.status}`),
            ...[b.text.papers, ...b.text.lines].filter(Boolean).map((l) => el('span', {}, l)),
            ...(b.text.site ? [el('span', { class: 'site' }, b.text.site)] : []),
          ),
        );
        root.replaceChildren(link);
      })
      .catch(() => {});
  }

  function scan(): void {
    for (const script of Array.from(document.querySelectorAll<HTMLScriptElement>('script[data-merchant][src]'))) {
      if (seen.has(script)) continue;
      let url: URL;
      try {
        url = new URL(script.src);
      } catch {
        continue;
      }
      const isBadge = /\/badge\.js$/.test(url.pathname);
      if (!isBadge && !/\/widget\.js$/.test(url.pathname)) continue;
      seen.add(script);
      const d = script.dataset;
      if (!UUID.test(d.merchant ?? '')) continue;
      const config: Config = { merchant: d.merchant!, lang: langOf(d.lang), order: d.order || undefined, origin: url.origin };
      if (isBadge || 'badge' in d) badge(config, script);
      else {
        fallback ??= config;
        if (d.target) attach(config, d.target);
        else button(config, script);
      }
    }
  }

  const api: Api = { open, close: () => close(), _scan: scan };
  return api;
}

const w = window as unknown as { Nalish?: Api };
(w.Nalish && typeof w.Nalish._scan === 'function' ? w.Nalish : (w.Nalish = makeApi()))._scan();
