// Breaches per rule per merchant: the merchant's own figures, its public profile and the
// public statistics. Only merchant duties count, by the outcome after any officer review;
// `confirmed` counts those an officer has reviewed.
import type { Queryable } from '../db/db.ts';

export interface RuleBreaches {
  ruleId: string;
  breaches: number;
  confirmed: number;
}

export async function breachesByRule(db: Queryable, merchantId: string): Promise<RuleBreaches[]> {
  return db.query<RuleBreaches>(
    `SELECT rule_id AS "ruleId", count(*)::int AS breaches, count(*) FILTER (WHERE reviewed)::int AS confirmed
     FROM policy_findings WHERE merchant_id = $1 AND effective_outcome = 'breach' AND subject = 'merchant'
     GROUP BY rule_id ORDER BY breaches DESC, rule_id`,
    [merchantId],
  );
}

export interface MerchantRuleBreaches extends RuleBreaches {
  merchantId: string;
  merchantName: string;
}

/** Every merchant's breaches per rule, most first (the public statistics). */
export async function breachesByMerchant(db: Queryable, opts: { ruleId?: string | undefined; limit: number }): Promise<MerchantRuleBreaches[]> {
  return db.query<MerchantRuleBreaches>(
    `SELECT f.merchant_id AS "merchantId", m.name AS "merchantName", f.rule_id AS "ruleId",
            count(*)::int AS breaches, count(*) FILTER (WHERE f.reviewed)::int AS confirmed
     FROM policy_findings f JOIN merchants m ON m.id = f.merchant_id
     WHERE f.effective_outcome = 'breach' AND f.subject = 'merchant' AND ($1::text IS NULL OR f.rule_id = $1)
     GROUP BY f.merchant_id, m.name, f.rule_id
     ORDER BY breaches DESC, m.name, f.rule_id LIMIT $2`,
    [opts.ruleId ?? null, opts.limit],
  );
}
