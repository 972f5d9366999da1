// The fixed files exchanged with the police (the CID's check for pending cases) and the bank
// (Bangladesh Bank's instruction, the gateway's payment), and the import of the police's
// decisions per line.
//
// Export, CSV (RFC 4180: UTF-8, CRLF line ends, quotes where needed), always these columns in
// this order:
//   claimant_reference,line_reference,gateway,transaction_id,amount_bdt,evidence_links
//   482-193-5706,482-193-5706/1,bkash,8N7A6B5C4D,8500.00,https://nalish.gov.bd/e/…
// - claimant_reference is the claim number (no name, no phone number: the file travels);
// - line_reference is the claim number and the line's number; the police answer per line with it;
// - amount_bdt is the amount allowed (or, before a determination, the amount claimed: paid less
//   refunds), in taka with two decimals; evidence_links are the claim's evidence, space-separated.
// The server records the SHA-256 of the exact bytes of csvText with the export event, so anyone
// can show later which file was sent.
//
// Clearance import, CSV with the columns line_reference,decision,reference,decided_on:
//   482-193-5706/1,no_objection,CID/2026/117,2026-03-20
// decision is no_objection or objection (আপত্তি নেই / আপত্তি আছে); an objection holds the line
// (lines.ts: record_clearance), it never rejects it.
import { z } from 'zod';
import { DhakaDay } from '../wire.ts';
import { refundablePoisha } from './amount.ts';
import type { ClaimSnapshot, ProgrammeFacts } from './claimMachine.ts';
import { paymentConditions } from './conditions.ts';
import { type ListProblem, parseListDate } from './importRows.ts';
import type { LineSnapshot } from './lines.ts';
import { poishaToDecimal } from './money.ts';

export const EXPORT_COLUMNS = ['claimant_reference', 'line_reference', 'gateway', 'transaction_id', 'amount_bdt', 'evidence_links'] as const;
export const EXPORT_PURPOSES = ['police', 'bank'] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];

export interface ExportRow {
  readonly claimantReference: string;
  readonly lineReference: string;
  readonly gateway: string;
  readonly transactionId: string;
  readonly amountPoisha: number;
  readonly evidenceLinks: readonly string[];
}

export const ExportRowSchema = z.object({
  claimantReference: z.string().describe('The claim number: no name, no phone number'),
  lineReference: z.string().describe('<claim number>/<line number>: the police answer per line with it'),
  gateway: z.string(),
  transactionId: z.string(),
  amountPoisha: z.number().int(),
  evidenceLinks: z.array(z.string()),
});

/** The reference of a line in the files: "482-193-5706/2". */
export const lineReference = (claimNumber: string, line: Pick<LineSnapshot, 'no'>): string => `${claimNumber}/${line.no}`;

/** The claim and line a reference names, or null when it is not one. */
export function parseLineReference(ref: string): { claimNumber: string; no: number } | null {
  const m = /^(\d{3}-\d{3}-\d{4})\/(\d{1,3})$/.exec(ref.trim());
  return m ? { claimNumber: m[1]!, no: Number(m[2]) } : null;
}

/**
 * The lines of a claim that go in a file:
 * - police: lines a claimant may still be paid for (not rejected) in a claim the officers have
 *   taken up, without a police decision yet;
 * - bank: lines allowed on a claim in payment, with every payment condition met.
 */
export function linesToExport(purpose: ExportPurpose, claim: ClaimSnapshot, programme: Pick<ProgrammeFacts, 'state' | 'holds'>): LineSnapshot[] {
  if (purpose === 'police') {
    if (!['under_review', 'determined', 'in_payment'].includes(claim.state)) return [];
    return claim.lines.filter((l) => !l.rejection && !l.clearance && l.hold?.kind !== 'police_objection');
  }
  if (claim.state !== 'in_payment') return [];
  const unmet = paymentConditions(claim, programme).filter((c) => !c.met);
  // A condition of the whole claim (acceptance, the programme paying, a surrender) stops every line.
  if (unmet.some((c) => !c.lineId)) return [];
  const blocked = new Set(unmet.map((c) => c.lineId));
  return claim.lines.filter((l) => l.allowed && !l.rejection && !blocked.has(l.id));
}

export function exportRow(claimNumber: string, l: LineSnapshot, evidenceLinks: readonly string[]): ExportRow {
  return {
    claimantReference: claimNumber,
    lineReference: lineReference(claimNumber, l),
    gateway: l.facts.gateway ?? '',
    transactionId: l.facts.gatewayTxnId ?? '',
    amountPoisha: l.allowed && !l.rejection ? l.allowed.amountPoisha : refundablePoisha(l.facts),
    evidenceLinks,
  };
}

/** One CSV field: quoted when it holds a comma, a quote or a line break; a leading = + - @ is
 *  made inert so a spreadsheet never runs it as a formula (a transaction id typed by anyone). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file: the header, then the rows, CRLF after each line. */
export function csvText(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [columns, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

/** The export file, in the fixed column order, rows in the order given. */
export function exportCsv(rows: readonly ExportRow[]): string {
  return csvText(
    EXPORT_COLUMNS,
    rows.map((r) => [r.claimantReference, r.lineReference, r.gateway, r.transactionId, poishaToDecimal(r.amountPoisha), r.evidenceLinks.join(' ')]),
  );
}

// ---------------------------------------------------------------------------------------------
// The police's decisions per line.

export const CLEARANCE_COLUMNS = ['line_reference', 'decision', 'reference', 'decided_on'] as const;
const DECISIONS: Record<string, 'no_objection' | 'objection'> = {
  no_objection: 'no_objection',
  'no objection': 'no_objection',
  'আপত্তি নেই': 'no_objection',
  objection: 'objection',
  'আপত্তি আছে': 'objection',
};

export const ClearanceRowSchema = z
  .object({
    lineReference: z.string().trim().refine((r) => parseLineReference(r) !== null, { message: 'not a line reference' }),
    decision: z.enum(['no_objection', 'objection']),
    reference: z.string().trim().min(1).max(100),
    decidedOn: DhakaDay,
  })
  .strict();
export type ClearanceRow = z.infer<typeof ClearanceRowSchema>;

/** A problem of the police's file: the same shape (and text, listProblemText) as a list's. */
export type ClearanceProblem = ListProblem;

/** Check the police's file, already split into cells; `known` says whether a line reference is in this programme. */
export function checkClearanceCsv(
  header: readonly string[],
  records: readonly { line: number; cells: readonly string[] }[],
  known: (lineReference: string) => boolean,
): { ok: true; rows: (ClearanceRow & { line: number })[] } | { ok: false; problems: ClearanceProblem[] } {
  const columns = header.map((c) => c.trim().toLowerCase());
  const missing = CLEARANCE_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { ok: false, problems: [{ line: 1, key: 'claims.import.header_missing', params: { columns: missing.join(', ') } }] };
  if (records.length === 0) return { ok: false, problems: [{ line: null, key: 'claims.import.empty', params: {} }] };
  const problems: ClearanceProblem[] = [];
  const rows: (ClearanceRow & { line: number })[] = [];
  for (const rec of records) {
    const cell = (c: string) => (rec.cells[columns.indexOf(c)] ?? '').trim();
    const decision = DECISIONS[cell('decision').toLowerCase()];
    const decidedOn = parseListDate(cell('decided_on'));
    const ref = cell('line_reference');
    const before = problems.length;
    if (!parseLineReference(ref) || !known(ref)) problems.push({ line: rec.line, key: 'claims.clearance.unknown_line', params: { reference: ref } });
    if (!decision) problems.push({ line: rec.line, key: 'claims.clearance.decision_invalid', params: { value: cell('decision') } });
    if (cell('reference') === '') problems.push({ line: rec.line, key: 'claims.import.required', params: { column: 'reference' } });
    if (!decidedOn) problems.push({ line: rec.line, key: 'claims.import.date', params: { column: 'decided_on', value: cell('decided_on') } });
    if (problems.length === before) rows.push({ line: rec.line, lineReference: ref, decision: decision!, reference: cell('reference'), decidedOn: decidedOn! });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
