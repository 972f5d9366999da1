// Every event a programme's history and a claim's history can hold, as one discriminated union
// on `type` per record kind (like complaint/events.ts on the i10-server branch): the lifecycle
// steps, whose payloads are what the step schemas give, and the events that take no step. The
// server's event writer accepts only these, hash-chained per record.
import { CLAIM_ACTIONS, type ClaimAction, type ClaimPayloadOf } from './claimActions.ts';
import { CLAIM_TIMER_PURPOSES, type ClaimantTemplate } from './claimMachine.ts';
import type { ExportPurpose } from './exportRows.ts';
import type { InstrumentInput, Surrender } from './instruments.ts';
import type { LineFacts } from './lineFacts.ts';
import { LINE_ACTIONS, type LineAction, type LinePayloadOf } from './lines.ts';
import { type OpenProgrammeInput, PROGRAMME_ACTIONS, PROGRAMME_TIMER_PURPOSES, type ProgrammeAction, type ProgrammePayloadOf } from './programme.ts';
import type { ClaimantDetails } from './requests.ts';
import type { SignalCode } from './signals.ts';
import type { FourUnits } from './units.ts';
import type { Gateway, LineSource, ListKind } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// The programme.

export const PROGRAMME_NON_STEP_EVENTS = ['opened', 'list_imported', 'export_made', 'clearances_imported', 'signal_reviewed'] as const;
export type ProgrammeNonStepEvent = (typeof PROGRAMME_NON_STEP_EVENTS)[number];
export type ProgrammeEventType = ProgrammeAction | ProgrammeNonStepEvent;

type ProgrammeStepPayloads = { [A in ProgrammeAction]: ProgrammePayloadOf<A> };
export interface ProgrammeEventPayloads extends ProgrammeStepPayloads {
  opened: OpenProgrammeInput;
  /** A list of payments imported whole: its figures, and the SHA-256 of the file or JSON as received. */
  list_imported: { listId: string; kind: ListKind; gateway?: Gateway; source: string; rows: number; sha256: string; units: FourUnits };
  /** A file for the police or the bank: the SHA-256 of its exact bytes (exportRows.ts). */
  export_made: { exportId: string; purpose: ExportPurpose; rows: number; sha256: string; units: FourUnits };
  clearances_imported: { rows: number; noObjection: number; objection: number; sha256: string };
  signal_reviewed: { code: SignalCode; key: string; decision: 'dismissed' | 'watching'; reason: string };
}

export type ProgrammeEvent = { [T in ProgrammeEventType]: { type: T; payload: ProgrammeEventPayloads[T] } }[ProgrammeEventType];

// ---------------------------------------------------------------------------------------------
// The claim (its lines and instruments are part of its history).

export type LineEventType = `line_${LineAction}`;
export const CLAIM_NON_STEP_EVENTS = [
  'created',
  'claimant_details_changed',
  'line_added',
  'line_removed',
  'instrument_added',
  'instrument_removed',
  'instrument_surrendered',
  'evidence_added',
  'deadline_reminder',
] as const;
export type ClaimNonStepEvent = (typeof CLAIM_NON_STEP_EVENTS)[number];
export type ClaimEventType = ClaimAction | LineEventType | ClaimNonStepEvent;

type LineEventPayloads = { [A in LineAction as `line_${A}`]: { lineId: string } & LinePayloadOf<A> };
type ClaimStepPayloads = { [A in ClaimAction]: ClaimPayloadOf<A> };

export interface ClaimEventPayloads extends ClaimStepPayloads, LineEventPayloads {
  /** The draft is started: its number, and the complaint whose order became its first line, if any. */
  created: { programmeId: string; claimNumber: string; claimant: ClaimantDetails; fromComplaint?: string };
  claimant_details_changed: { claimant: ClaimantDetails };
  /** A line joins the claim: typed, confirmed from a list (listEntryId), carried over from a complaint.
   *  `disputes` names the lines of other claims already holding one of its keys (keys.ts). */
  line_added: { lineId: string; no: number; source: LineSource; facts: LineFacts; listEntryId?: string; disputes: string[] };
  /** Only while drafting: a line removed before the claim was ever sent. */
  line_removed: { lineId: string };
  instrument_added: { instrumentId: string; instrument: InstrumentInput };
  instrument_removed: { instrumentId: string };
  instrument_surrendered: { instrumentId: string; surrender: Surrender };
  evidence_added: { evidenceId: string; lineId?: string; filename: string; mediaType: string; sizeBytes: number; sha256: string };
  /** A reminder sent is history too. */
  deadline_reminder: { template: ClaimantTemplate; dueAt: string };
}

export type ClaimEvent = { [T in ClaimEventType]: { type: T; payload: ClaimEventPayloads[T] } }[ClaimEventType];

// ---------------------------------------------------------------------------------------------
// The same types as runtime lists (response schemas, database CHECKs), built from the step
// tables so a new step is listed without a second edit.

export const PROGRAMME_EVENT_TYPES = [...PROGRAMME_NON_STEP_EVENTS, ...PROGRAMME_ACTIONS] as [ProgrammeEventType, ...ProgrammeEventType[]];
export const CLAIM_EVENT_TYPES = [...CLAIM_NON_STEP_EVENTS, ...CLAIM_ACTIONS, ...LINE_ACTIONS.map((a) => `line_${a}` as const)] as [ClaimEventType, ...ClaimEventType[]];

// ---------------------------------------------------------------------------------------------
// For the server's records.ts (issue 10): the two kinds of record claims add, their events and
// the purposes of their clocks.

export const CLAIMS_RECORD_KINDS = ['claims_programme', 'claim'] as const;
export interface ClaimsRecordEvents {
  claims_programme: ProgrammeEvent;
  claim: ClaimEvent;
}
export const CLAIMS_TIMER_PURPOSES = {
  claims_programme: PROGRAMME_TIMER_PURPOSES,
  claim: CLAIM_TIMER_PURPOSES,
} as const satisfies Record<(typeof CLAIMS_RECORD_KINDS)[number], readonly string[]>;
