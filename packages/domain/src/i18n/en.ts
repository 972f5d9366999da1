// English catalogue. The Bengali catalogue (bn.ts) must have exactly these keys: its type
// is derived from this one, so a missing translation fails the type check.
import { widgetEn } from './widget.en.ts';

export const en = {
  // Errors: one entry per stable error code (server/src/errors.ts maps codes to HTTP statuses).
  'error.validation': 'Some of the information is not valid. Please check the marked fields.',
  'error.malformed_json': 'The request body is not valid JSON.',
  'error.malformed_url': 'This address is not written correctly. Check it, or start again from the home page.',
  'error.malformed_multipart': 'The uploaded form is damaged or incomplete. Choose the file and send it again.',
  'error.payload_too_large': 'The request is too large.',
  'error.unsupported_media_type': 'This content type is not accepted here.',
  'error.not_found': 'Not found.',
  'error.unauthenticated': 'Please sign in first.',
  'error.date_range_invalid': 'The range must run from a date to the same or a later date, {max} days at most.',
  'error.holiday_list_invalid': 'The holiday list has mistakes; nothing was imported. Each one names its line.',
  'error.holiday_list_changed': 'The holiday table changed since the preview. Preview the file again, then apply.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.csrf': 'This request came from another site and was refused.',
  'error.rate_limited': 'Too many attempts. Please wait a little and try again.',
  'error.conflict': 'Someone else changed this complaint a moment ago. Reload it and try again.',
  'error.invalid_transition': 'This step is not possible while the complaint is “{state}”.',
  'error.guard_failed': 'This step is not possible now ({guard}).',
  'error.otp_invalid': 'The code is not correct. {left} tries left.',
  'error.otp_expired': 'The code has expired. Ask for a new code.',
  'error.otp_exhausted': 'Too many wrong codes. Ask for a new code.',
  'error.otp_resend_wait': 'Please wait {seconds} seconds before asking for another code.',
  'error.phone_invalid': 'Enter a Bangladeshi mobile number, like 01712 345678.',
  'error.duplicate_complaint': 'You already have an open complaint about this order: {code}.',
  'error.filing_limit': 'You have filed the most complaints allowed for one day. Try again tomorrow.',
  'error.merchant_not_found': 'We could not find this merchant.',
  'error.merchant_ambiguous': 'Name the merchant by its Nalish id, website or Facebook page.',
  'error.evidence_type': 'Only images (JPEG, PNG, WebP) and PDF files can be attached.',
  'error.evidence_too_large': 'Each file can be at most {mb} MB.',
  'error.evidence_limit': 'A complaint can have at most {max} files.',
  'error.evidence_not_found': 'One of the attached files was not found on this complaint.',
  'error.login_failed': 'The e-mail, password or code is not correct.',
  'error.totp_required': 'Enter the 6-digit code from your authenticator app.',
  'error.sign_in_locked': 'Too many sign-in attempts. Try again in {minutes} minutes.',
  'error.officer_not_in_office': 'That officer does not work in this office.',
  'error.webhook_url_invalid': 'Enter a full web address, like https://shop.example.com/nalish/webhooks.',
  'error.webhook_url_scheme': 'A webhook address must start with https:// (http:// only for this computer, while testing).',
  'error.webhook_url_private': 'A webhook address must be on the public internet, not a private, internal or local network address.',
  'error.webhook_limit': 'A shop can have at most {max} webhook endpoints. Delete one you no longer use.',
  'error.webhook_disabled': 'This endpoint is switched off. Switch it on again first.',
  'error.fact_not_allowed': 'You cannot state this fact ({fact}) for this complaint.',
  'error.finding_not_found': 'This complaint has no finding for that rule.',
  'error.complaint_finished': 'This complaint is finished; its facts can no longer change.',
  'error.internal': 'Something went wrong on our side. Nothing you sent was lost; please try again.',
  // The merchant API (API keys: scopes, rate limit, idempotency).
  'error.missing_scope': 'This API key may not do this: it needs the “{scope}” scope.',
  'error.api_rate_limited': 'Too many requests with this API key (at most {limit} a minute). Try again in {seconds} seconds.',
  'error.idempotency_key_required': 'Writes with an API key need an Idempotency-Key header of 1 to 200 characters.',
  'error.idempotency_key_reused': 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  'error.idempotency_in_progress': 'A request with this Idempotency-Key is still being processed. Try again in a moment.',

  // Lifecycle labels.
  'state.submitted': 'Submitted',
  'state.with_merchant': 'With the merchant',
  'state.merchant_responded': 'Merchant has answered',
  'state.resolved': 'Remedy accepted',
  'state.fulfilled': 'Remedy received',
  'state.escalated': 'Sent to the regulator',
  'state.under_review': 'Under review by the regulator',
  'state.info_requested': 'Information requested',
  'state.hearing_scheduled': 'Hearing scheduled',
  'state.decided': 'Decided',
  'state.closed': 'Closed',
  'state.withdrawn': 'Withdrawn',
  'state.rejected': 'Rejected',

  'guard.merchant_reachable': 'the merchant cannot be reached',
  'guard.merchant_unreachable': 'the merchant is reachable',
  'guard.response_is_offer': 'the merchant made no offer',
  'guard.info_party_matches': 'the officer asked the other side',
  'guard.fine_collectable': 'there is no uncollected fine',
  'guard.hearing_in_future': 'the hearing must be in the future',
  'guard.officer_assigned': 'no officer is assigned',

  'notify.consumer.otp.sms': 'Nalish code: {otp}. Valid for 5 minutes. Do not share it with anyone.',

  // Notifications. SMS must fit two Unicode segments (134 characters) in Bengali.
  'notify.consumer.filed.sms': 'Nalish: complaint {code} received. {merchant} must answer by {due}. {url}',
  'notify.consumer.filed.subject': 'Your complaint {code} has been received',
  'notify.consumer.filed.body':
    'Your complaint against {merchant} has been received. Tracking code: {code}.\n{merchant} must answer by {due}. If it does not, the complaint goes to the Directorate of National Consumer Rights Protection.\nSee its progress at any time: {url}',
  'notify.consumer.merchant_responded.sms': 'Nalish {code}: {merchant} has answered. Accept or reject by {due}: {url}',
  'notify.consumer.merchant_responded.subject': '{merchant} has answered your complaint {code}',
  'notify.consumer.merchant_responded.body':
    '{merchant} has answered your complaint {code}. Read the answer and accept or reject it by {due}; if you do nothing it is taken as accepted.\n{url}',
  'notify.consumer.deemed_accept_soon.sms': 'Nalish {code}: answer the merchant reply by {due} or it counts as accepted. {url}',
  'notify.consumer.deemed_accept_soon.subject': 'Reminder: answer the reply to {code} by {due}',
  'notify.consumer.deemed_accept_soon.body':
    'You have not yet answered {merchant}’s reply to complaint {code}. If you do not answer by {due}, it is taken as accepted.\n{url}',
  'notify.consumer.confirm_remedy_soon.sms': 'Nalish {code}: did you get the remedy? Confirm or report by {due}: {url}',
  'notify.consumer.confirm_remedy_soon.subject': 'Did you receive the remedy for {code}?',
  'notify.consumer.confirm_remedy_soon.body':
    '{merchant} had to carry out the remedy for complaint {code} by {due}. Tell us whether you received it: {url}',
  'notify.consumer.escalated.sms': 'Nalish {code}: your complaint has been sent to the consumer rights directorate. {url}',
  'notify.consumer.escalated.subject': 'Complaint {code} has been sent to the regulator',
  'notify.consumer.escalated.body':
    'Your complaint {code} against {merchant} has been sent to the Directorate of National Consumer Rights Protection. An officer will review it; you will be told of every step.\n{url}',
  'notify.consumer.info_requested.sms': 'Nalish {code}: the officer needs more information by {due}. {url}',
  'notify.consumer.info_requested.subject': 'More information needed for {code}',
  'notify.consumer.info_requested.body':
    'The officer reviewing complaint {code} asks for more information. Please answer by {due}: {url}',
  'notify.consumer.hearing_scheduled.sms': 'Nalish {code}: hearing on {hearing}. Place: {place}',
  'notify.consumer.hearing_scheduled.subject': 'Hearing notice for complaint {code}',
  'notify.consumer.hearing_scheduled.body':
    'A hearing on complaint {code} against {merchant} is scheduled for {hearing} ({mode}). Place: {place}.\n{url}',
  'notify.consumer.decided.sms': 'Nalish {code}: the regulator has decided: {outcome}. {url}',
  'notify.consumer.decided.subject': 'Decision on complaint {code}',
  'notify.consumer.decided.body': 'The Directorate has decided complaint {code}: {outcome}.\n{url}',
  'notify.consumer.closed.sms': 'Nalish {code}: your complaint is closed. Thank you. {url}',
  'notify.consumer.closed.subject': 'Complaint {code} is closed',
  'notify.consumer.closed.body': 'Complaint {code} against {merchant} is closed. {url}',
  'notify.consumer.rejected.sms': 'Nalish {code}: your complaint was not accepted. Reason: {url}',
  'notify.consumer.rejected.subject': 'Complaint {code} was not accepted',
  'notify.consumer.rejected.body': 'Complaint {code} was not accepted by the regulator. The reason is on the complaint page: {url}',

  'notify.merchant.new_complaint.sms': 'Nalish: complaint {code} against {merchant}. Answer by {due}: {url}',
  'notify.merchant.merchant_reminder.sms': 'Nalish {code}: answer by {due} or the complaint goes to the regulator. {url}',
  'notify.merchant.hearing_scheduled.sms': 'Nalish {code}: hearing on {hearing}. Place: {place}',
  'notify.merchant.new_complaint.subject': 'New complaint {code}: answer by {due}',
  'notify.merchant.new_complaint.body':
    'A consumer has filed complaint {code} against {merchant}. Answer by {due} with an offer or a defence. If you do not answer, the complaint goes to the regulator.\n{url}',
  'notify.merchant.merchant_reminder.subject': 'Reminder: complaint {code} is due {due}',
  'notify.merchant.merchant_reminder.body':
    'Complaint {code} has not been answered. The deadline is {due}; after it the complaint goes to the regulator.\n{url}',
  'notify.merchant.offer_accepted.subject': 'Offer accepted on {code}: carry it out by {due}',
  'notify.merchant.offer_accepted.body': 'The consumer accepted your offer on complaint {code}. Carry it out by {due}.\n{url}',
  'notify.merchant.escalated.subject': 'Complaint {code} has been sent to the regulator',
  'notify.merchant.escalated.body':
    'Complaint {code} has been sent to the Directorate of National Consumer Rights Protection.\n{url}',
  'notify.merchant.info_requested.subject': 'The regulator asks for information on {code}',
  'notify.merchant.info_requested.body': 'The officer reviewing complaint {code} asks for information. Answer by {due}.\n{url}',
  'notify.merchant.hearing_scheduled.subject': 'Hearing notice for complaint {code}',
  'notify.merchant.hearing_scheduled.body':
    'A hearing on complaint {code} is scheduled for {hearing} ({mode}). Place: {place}.\n{url}',
  'notify.merchant.decided.subject': 'Decision on complaint {code}',
  'notify.merchant.decided.body': 'The Directorate has decided complaint {code}: {outcome}.\n{url}',
  'notify.merchant.withdrawn.subject': 'Complaint {code} was withdrawn',
  'notify.merchant.withdrawn.body': 'The consumer has withdrawn complaint {code}.',

  'notify.merchant.webhook_disabled.subject': 'Nalish stopped sending webhooks to {url}',
  'notify.merchant.webhook_disabled.body':
    'Deliveries to your webhook endpoint {url} have failed since {since}, so Nalish has switched it off. New events are not sent to it until you switch it on again. Deliveries that gave up can be sent again from the delivery log, and the events feed has everything that happened.\n{link}',
  'notify.staff.sign_in_locked.subject': 'Nalish: sign-in to {email} is locked for a while',
  'notify.staff.sign_in_locked.body':
    'There were {tries} unsuccessful sign-in attempts to your Nalish account {email}, so signing in is locked until {until}. The lock ends by itself. If these were not you, someone may be guessing your password: choose a new one, and tell your administrator.\n{url}',

  'notify.office.escalated_office.subject': 'New case {code} against {merchant}',
  'notify.office.escalated_office.body': 'Complaint {code} against {merchant} has been escalated to your office. Assign it by {due}.\n{url}',
  'notify.office.regulator_overdue.subject': 'Overdue case {code}',
  'notify.office.regulator_overdue.body': 'Case {code} against {merchant} passed its deadline. The new deadline is {due}.\n{url}',
  // A holiday declared after a deadline was set moves it later; the party who owes the step is told.
  'notify.consumer.deadline_moved.sms': 'Nalish {code}: a holiday was declared, so your deadline is now {due}. {url}',
  'notify.consumer.deadline_moved.subject': 'Complaint {code}: the deadline moved to {due}',
  'notify.consumer.deadline_moved.body': 'The government declared a holiday ({holiday}), so the deadline on complaint {code} moved to {due}.\n{url}',
  'notify.merchant.deadline_moved.sms': 'Nalish {code}: a holiday was declared, so the deadline is now {due}. {url}',
  'notify.merchant.deadline_moved.subject': 'Complaint {code}: the deadline moved to {due}',
  'notify.merchant.deadline_moved.body':
    'The government declared a holiday ({holiday}), so the deadline on complaint {code} against {merchant} moved to {due}. Working days are counted without it.\n{url}',
  'notify.office.deadline_moved.subject': 'Case {code}: the deadline moved to {due}',
  'notify.office.deadline_moved.body': 'The government declared a holiday ({holiday}), so the deadline on case {code} against {merchant} moved to {due}.\n{url}',

  'outcome.upheld': 'upheld',
  'outcome.dismissed': 'dismissed',
  'hearing.online': 'online',
  'hearing.in_person': 'in person',
  'evidence.active_content': 'Caution: this PDF contains {kinds}. In a PDF reader it could run code or open other files: open it in the browser, or ask the sender for a plain copy.',
  'evidence.kind.javascript': 'JavaScript',
  'evidence.kind.auto_action': 'actions that run by themselves',
  'evidence.kind.embedded_file': 'files inside it',
  'evidence.kind.launch': 'a command that starts a program',
  ...widgetEn,
} as const;

export type MessageKey = keyof typeof en;
