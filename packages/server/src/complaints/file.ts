// Filing: the consumer's complaint is checked, stored, routed to the merchant (or straight to
// the regulator when the merchant cannot be reached) and confirmed by SMS — one transaction.
import { randomInt, randomUUID } from 'node:crypto';
import {
  type FileComplaintInput,
  INITIAL_SNAPSHOT,
  TERMINAL_STATES,
  dhakaDate,
  factsFromFiling,
  filingDateProblems,
  makeTrackingCode,
  startOfDhakaDate,
  transition,
} from '@nalish/domain';
import type { Deps } from '../deps.ts';
import { AppError, invalidFields } from '../errors.ts';
import { evaluateLayers, saveFindingRows } from '../findings/evaluate.ts';
import { outcomesOf } from '../findings/stored.ts';
import { GENESIS_HASH } from '../history/chain.ts';
import { type EventOf, hashOf, writeEvent } from '../records/events.ts';
import { resolveMerchant } from '../merchants/resolve.ts';
import { officeFor } from '../offices/route.ts';
import { confirmOrderContext } from '../widget/orderContext.ts';
import { applyOutcome, loadMerchantContact, merchantReachable } from './apply.ts';
import { COMPLAINT_COLUMNS, type ComplaintRow } from './row.ts';

function newTrackingCode(): string {
  return makeTrackingCode(String(randomInt(0, 1_000_000_000)).padStart(9, '0'));
}

export async function fileComplaint(deps: Deps, phone: string, input: FileComplaintInput): Promise<ComplaintRow> {
  const now = deps.now();
  const problems = filingDateProblems(input, dhakaDate(now));
  if (problems.length > 0) throw invalidFields(...problems);
  const calendar = await deps.calendar.get();
  // The policy checks run on what the consumer stated; the findings are kept with the complaint.
  const policyFacts = { consumer: factsFromFiling(input) };
  const evaluation = evaluateLayers(policyFacts, { now, calendar, trigger: 'filed' });
  return deps.db.transaction(async (tx) => {
    // One filing at a time per number, so two parallel requests cannot both pass the limit.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`file:${phone}`]);
    // The per-day limit counts the consumer's filings since midnight in Dhaka.
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM complaints WHERE consumer_phone = $1 AND filed_at >= $2',
      [phone, startOfDhakaDate(dhakaDate(now))],
    );
    if (n >= deps.config.limits.filingsPerDay) throw new AppError('filing_limit');

    const merchantId = await resolveMerchant(tx, input.merchant);
    // The shop's signed order context, when the widget passed one on: checked before anything
    // is written, so a refused one leaves nothing behind.
    const { orderContext: token, ...filedInput } = input;
    const confirmed = token ? await confirmOrderContext(tx, deps.secret, token, { merchantId, phone, order: input.order }, now) : null;
    const [dup] = await tx.query<{ tracking_code: string }>(
      `SELECT tracking_code FROM complaints
       WHERE consumer_phone = $1 AND merchant_id = $2 AND lower(order_number) = lower($3)
         AND state <> ALL($4::text[])`,
      [phone, merchantId, input.order.number, [...TERMINAL_STATES]],
    );
    if (dup) throw new AppError('duplicate_complaint', { code: dup.tracking_code }, { trackingCode: dup.tracking_code });

    const merchant = await loadMerchantContact(tx, merchantId);
    const officeId = await officeFor(tx, input.consumer.district);
    const id = randomUUID();
    const filed: EventOf<'complaint'> = {
      type: 'filed',
      actor: { role: 'consumer', id: phone },
      fromState: null,
      toState: 'submitted',
      payload: {
        ...filedInput,
        merchant: { ...input.merchant, id: merchantId },
        ...(confirmed ? { orderConfirmedByMerchant: confirmed } : {}),
        policy: { ruleSet: evaluation.ruleSet, outcomes: outcomesOf(evaluation) },
      },
      at: now,
    };
    const newRecord = { kind: 'complaint' as const, id, version: 0, lastEventHash: GENESIS_HASH, merchantId, filedAt: now };
    // The row is written with its first event's hash, so it needs no second update.
    const filedHash = hashOf(newRecord, filed);
    // Codes are random; a clash with an existing one (about 1 in 10,000 at 100,000
    // complaints) just draws again.
    let row: ComplaintRow | undefined;
    for (let attempt = 1; !row; attempt++) {
      if (attempt > 10) throw new Error('could not draw a free tracking code');
      [row] = await tx.query<ComplaintRow>(
        `INSERT INTO complaints AS c (id, tracking_code, version, state, owner, due_at, merchant_id, office_id,
           consumer_phone, consumer_name, consumer_email, consumer_locale, district, order_number, order_date,
           amount_bdt, payment_channel, category, description, wanted_remedy, pre_checks, last_event_hash,
           policy_facts, policy, filed_at, updated_at, order_confirmed, order_context)
         VALUES ($1, $2, 1, 'submitted', 'system', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $3, $3, $22, $23)
         ON CONFLICT (tracking_code) DO NOTHING RETURNING ${COMPLAINT_COLUMNS}`,
        [
          id,
          newTrackingCode(),
          now,
          merchantId,
          officeId,
          phone,
          input.consumer.name,
          input.consumer.email ?? null,
          input.consumer.locale,
          input.consumer.district,
          input.order.number,
          input.order.date,
          input.order.amountBdt,
          input.order.paymentChannel,
          input.category,
          input.description,
          input.wantedRemedy,
          JSON.stringify(input.preChecks),
          filedHash,
          JSON.stringify(policyFacts),
          JSON.stringify(evaluation),
          confirmed !== null,
          confirmed ? JSON.stringify(confirmed) : null,
        ],
      );
    }
    // 'filed' is no merchant event (the 'route' below is complaint.created): no webhook here.
    await writeEvent(tx, newRecord, filed);
    await saveFindingRows(tx, row, evaluation);
    const reachable = merchantReachable(merchant);
    const snapshot = { ...INITIAL_SNAPSHOT, merchantReachable: reachable, dueAt: now };
    const routed = transition(snapshot, { action: 'route', payload: {} }, {
      now,
      role: 'system',
      settings: deps.settings,
      calendar,
    });
    if (!routed.ok) throw new Error(`routing failed: ${routed.error.code}`);
    return applyOutcome(tx, {
      row,
      outcome: routed.outcome,
      event: { type: 'route', actor: { role: 'system' }, payload: { merchantReachable: reachable } },
      merchant,
      publicUrl: deps.config.publicUrl,
      now,
      // Sent straight to the regulator, the escalation message already carries the code.
      notifyAlso: routed.outcome.to === 'with_merchant' ? [{ to: 'consumer', template: 'filed' }] : [],
    });
  });
}
