// The HTTP scenarios, each a time-bounded autocannon run over loopback.
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import type { Prepared } from './prepare.ts';
import { BENCH_WEBSITE } from './prepare.ts';

export interface ScenarioResult {
  scenario: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export interface Scenario {
  name: string;
  requests: AutocannonRequest[];
}

export function scenarios(p: Prepared, runId: string): Scenario[] {
  const bearer = (token: string) => `Bearer ${token}`;
  let fileN = 0;
  let readN = 0;
  const fileBody = (n: number) =>
    JSON.stringify({
      merchant: { website: BENCH_WEBSITE },
      order: { number: `B${runId}-${n}`, date: '2026-11-10', amountBdt: 2500, paymentChannel: 'bkash' },
      category: 'not_delivered',
      description: 'Paid in advance by bKash, the parcel never came and the seller stopped answering.',
      wantedRemedy: 'refund',
      preChecks: { contactedMerchant: true, contactedOn: '2026-11-18', remedyReceived: 'none', problemDate: '2026-11-17' },
      consumer: { name: 'Rahim Uddin', district: 'dhaka', locale: 'bn' },
    });
  const merchantHeaders = { authorization: bearer(p.merchantToken) };
  return [
    {
      name: 'read complaint by tracking code (consumer)',
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => {
            const r = p.readable[readN++ % p.readable.length]!;
            return { ...req, path: `/api/v1/complaints/${r.code}`, headers: { authorization: bearer(p.consumers[r.consumer]!.token) } };
          },
        },
      ],
    },
    {
      name: 'merchant inbox, first page (limit=25)',
      requests: [{ method: 'GET', path: '/api/v1/merchant/complaints?limit=25', headers: merchantHeaders }],
    },
    {
      name: 'merchant inbox, state=with_merchant&overdue=true',
      requests: [{ method: 'GET', path: '/api/v1/merchant/complaints?state=with_merchant&overdue=true', headers: merchantHeaders }],
    },
    {
      name: 'file a complaint (POST /api/v1/complaints)',
      requests: [
        {
          method: 'POST',
          path: '/api/v1/complaints',
          setupRequest: (req) => {
            const n = fileN++;
            // Rotate the consumers: each one files about 1/200 of the requests.
            const c = p.consumers[n % p.consumers.length]!;
            return { ...req, headers: { 'content-type': 'application/json', authorization: bearer(c.token) }, body: fileBody(n) };
          },
        },
      ],
    },
  ];
}

function summarise(name: string, connections: number, r: AutocannonResult): ScenarioResult {
  const statusCodes: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[k] = Number(v.count);
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    scenario: name,
    connections,
    seconds: r.duration,
    requests,
    reqPerSec: requests / r.duration,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}

export async function runScenario(url: string, s: Scenario, opts: { connections: number; duration: number; warmup: number }): Promise<ScenarioResult> {
  if (opts.warmup > 0) await autocannon({ url, connections: opts.connections, duration: opts.warmup, requests: s.requests, timeout: 30 });
  const r = await autocannon({ url, connections: opts.connections, duration: opts.duration, requests: s.requests, timeout: 30, title: s.name });
  return summarise(s.name, opts.connections, r);
}
