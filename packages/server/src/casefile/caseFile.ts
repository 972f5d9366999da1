// The case file of one complaint, for the officer to attach to the government's e-filing
// system (Nothi): everything the directorate knows about the case, in Bengali, with the
// result of verifying the complaint's history chain.
import { DISTRICTS, activeContentWarning, formatBdt, formatDate, formatDateTime, t, toBengaliDigits } from '@nalish/domain';
import type { Deps } from '../deps.ts';
import type { ComplaintRow } from '../complaints/row.ts';
import { fullView } from '../complaints/view.ts';
import type { Actor } from '../access/actor.ts';
import { BN, fill } from './labels.ts';
import { PdfWriter } from './pdf.ts';

type View = Awaited<ReturnType<typeof fullView>>;

const bnDateTime = (d: string | Date) => formatDateTime('bn', new Date(d)).replace(/\bAM\b/, 'পূর্বাহ্ণ').replace(/\bPM\b/, 'অপরাহ্ণ');
const bdt = (n: number) => formatBdt('bn', n);
/** A calendar date (YYYY-MM-DD) read in Dhaka: noon keeps it on the same day. */
const bnDay = (ymd: string) => formatDate('bn', new Date(`${ymd}T06:00:00Z`));

function eventDetail(type: string, payload: Record<string, unknown>, officers: Map<string, string>): string {
  const p = payload ?? {};
  const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  switch (type) {
    case 'respond':
      return p.kind === 'offer'
        ? `${BN.offer}: ${BN.remedies[s('remedy') ?? 'other'] ?? ''}${typeof p.amountBdt === 'number' ? `, ${bdt(p.amountBdt)}` : ''}. ${s('message') ?? ''}`
        : `${BN.defence}: ${s('message') ?? ''}`;
    case 'assign':
      return officers.get(s('officerId') ?? '') ?? '';
    case 'request_info':
      return `${BN.from}: ${BN.roles[s('from') ?? ''] ?? ''}. ${BN.question}: ${s('question') ?? ''}`;
    case 'provide_info':
      return `${BN.answer}: ${s('answer') ?? ''}`;
    case 'schedule_hearing':
      return `${s('at') ? bnDateTime(s('at')!) : ''}, ${BN.modes[s('mode') ?? ''] ?? ''}, ${s('place') ?? ''}`;
    case 'decide':
      return `${BN.outcomes[s('outcome') ?? ''] ?? ''}${typeof p.fineBdt === 'number' && p.fineBdt > 0 ? `, ${BN.fine} ${bdt(p.fineBdt)}` : ''}`;
    case 'record_fine_collected':
      return typeof p.amountBdt === 'number' ? bdt(p.amountBdt) : '';
    case 'rate':
      return `${toBengaliDigits(String(p.stars ?? ''))}/৫ ${s('comment') ?? ''}`;
    default:
      return s('reason') ?? s('comment') ?? '';
  }
}

export async function renderCaseFile(deps: Deps, row: ComplaintRow, actor: Extract<Actor, { role: 'officer' }>): Promise<Buffer> {
  const now = deps.now();
  const view: View = await fullView(deps.db, row, actor, now, deps.settings);
  const [office] = await deps.db.query<{ name_bn: string }>('SELECT name_bn FROM offices WHERE id = $1', [row.office_id]);
  const officerRows = await deps.db.query<{ id: string; name: string }>('SELECT id, name FROM officers WHERE office_id = $1', [row.office_id]);
  const officers = new Map(officerRows.map((o) => [o.id, o.name]));
  const code = view.trackingCode;
  const w = new PdfWriter({ title: `${BN.title} ${code}`, createdAt: now });

  // Header
  w.text(BN.government, { align: 'center', size: 11 });
  w.text(BN.directorate, { align: 'center', bold: true, size: 16 });
  w.text(office?.name_bn ?? '', { align: 'center', size: 12 });
  w.gap(0.5);
  w.text(`${BN.title}: ${toBengaliDigits(code)} (${code})`, { align: 'center', bold: true, size: 14 });
  w.text(BN.subtitle, { align: 'center', size: 9, color: '#4a5560' });
  w.gap(0.6);
  w.field(BN.trackingCode, `${toBengaliDigits(code)} (${code})`, { bold: true });
  w.field(BN.state, t('bn', `state.${view.state}` as never));
  w.field(BN.filedAt, bnDateTime(view.filedAt));
  w.field(BN.assignedOfficer, view.assignedOfficerId ? (officers.get(view.assignedOfficerId) ?? '') : BN.none);

  // Parties
  w.heading(BN.parties);
  w.field(BN.complainant, view.consumer.name, { bold: true });
  w.field(BN.phone, toBengaliDigits(view.consumer.phone), { indent: 12 });
  if (view.consumer.email) w.field(BN.email, view.consumer.email, { indent: 12 });
  w.field(BN.district, DISTRICTS[view.consumer.district as keyof typeof DISTRICTS]?.bn ?? view.consumer.district, { indent: 12 });
  w.gap(0.2);
  w.field(BN.merchant, view.merchant?.name ?? '', { bold: true });
  if (view.merchant) w.text(BN.merchantStatus[view.merchant.status] ?? view.merchant.status, { indent: 12 });

  // Order
  w.heading(BN.order);
  w.field(BN.orderNumber, view.order.number);
  w.field(BN.orderDate, bnDay(String(view.order.date).slice(0, 10)));
  w.field(BN.amount, bdt(view.order.amountBdt));
  w.field(BN.payment, BN.payments[view.order.paymentChannel] ?? view.order.paymentChannel);
  w.field(BN.category, BN.categories[view.problemCategory] ?? view.problemCategory);
  w.field(BN.wanted, BN.remedies[view.wantedRemedy] ?? view.wantedRemedy);
  w.text(`${BN.description}:`, { bold: true });
  w.text(view.description, { indent: 12 });

  // Pre-checks
  w.heading(BN.preChecks);
  const pc = view.preChecks as { contactedMerchant?: boolean; contactedOn?: string; remedyReceived?: string; problemDate?: string };
  w.field(BN.contacted, pc.contactedMerchant ? BN.yes : BN.no);
  if (pc.contactedOn) w.field(BN.contactedOn, bnDay(pc.contactedOn));
  w.field(BN.remedyReceived, BN.received[pc.remedyReceived ?? 'none'] ?? '');
  if (pc.problemDate) w.field(BN.problemDate, bnDay(pc.problemDate));
  const day = bnDay(view.regulatorWindow.lastDay);
  w.field(BN.window, fill(view.regulatorWindow.open ? BN.windowOpen : BN.windowClosed, { day }));

  // Timeline
  w.heading(BN.timeline);
  for (const e of view.timeline) {
    const detail = eventDetail(e.type, e.payload as Record<string, unknown>, officers);
    w.text(`${toBengaliDigits(String(e.seq))}. ${bnDateTime(e.at)} | ${BN.events[e.type] ?? e.type} | ${BN.roles[e.actorRole] ?? e.actorRole} | ${t('bn', `state.${e.toState}` as never)}`, { bold: true, size: 10 });
    if (detail.trim()) w.text(detail, { indent: 16, size: 9.5 });
  }

  // Evidence
  w.heading(BN.evidence);
  if (view.evidence.length === 0) w.text(BN.noEvidence);
  view.evidence.forEach((ev, i) => {
    w.text(`${toBengaliDigits(String(i + 1))}. ${ev.filename} (${ev.mediaType})`, { bold: true, size: 10 });
    w.text(`${BN.uploadedBy}: ${BN.roles[ev.uploadedBy] ?? ev.uploadedBy}, ${bnDateTime(ev.createdAt)}, ${BN.size}: ${toBengaliDigits(String(Math.ceil(ev.sizeBytes / 1024)))} KB`, { indent: 16, size: 9.5 });
    w.text(`SHA-256: ${ev.sha256}`, { indent: 16, size: 8.5 });
    const warning = activeContentWarning('bn', ev.activeContent);
    if (warning) w.text(warning, { indent: 16, size: 9.5, bold: true });
  });

  // Hearing
  w.heading(BN.hearing);
  if (view.hearing) {
    w.field(BN.hearingAt, bnDateTime(view.hearing.at));
    w.field(BN.hearingMode, BN.modes[view.hearing.mode] ?? view.hearing.mode);
    w.field(BN.hearingPlace, view.hearing.place);
  } else w.text(BN.noHearing);

  // Decision
  w.heading(BN.decision);
  if (view.decision) {
    w.field(BN.outcome, BN.outcomes[view.decision.outcome] ?? view.decision.outcome, { bold: true });
    w.field(BN.reasons, view.decision.reasons);
    if (view.decision.order) w.field(BN.orderText, view.decision.order);
    w.field(BN.fine, bdt(view.decision.fineBdt));
  } else w.text(BN.noDecision);

  // Fine and share
  w.heading(BN.fineSection);
  w.field(BN.fineCollected, view.fineCollectedBdt !== null ? bdt(view.fineCollectedBdt) : BN.notCollected);
  w.field(BN.share, view.complainantShareBdt !== null ? bdt(view.complainantShareBdt) : BN.notCollected);

  // History chain
  w.heading(BN.chain);
  const chain = view.historyChain!;
  if (chain.ok) w.text(fill(BN.chainOk, { n: toBengaliDigits(String(chain.events)) }), { bold: true, color: '#0b6e4f' });
  else w.text(fill(BN.chainBroken, { seq: toBengaliDigits(String(chain.brokenAtSeq ?? '')), reason: chain.reason ?? '' }), { bold: true, color: '#a4161a' });

  w.gap(1.5);
  w.text(fill(BN.generated, { at: bnDateTime(now), officer: officers.get(actor.officerId) ?? '' }), { size: 9, color: '#4a5560' });
  return w.finish((n, total) => `${BN.directorate}, ${BN.trackingCode} ${toBengaliDigits(code)}, ${fill(BN.page, { n: toBengaliDigits(String(n)), total: toBengaliDigits(String(total)) })}`);
}
