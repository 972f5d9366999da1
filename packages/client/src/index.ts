// @nalish/client: the typed client for the Nalish merchant API.
export {
  NalishClient,
  type NalishClientOptions,
  type WriteOptions,
  type StepOptions,
  type RespondInput,
  type ProvideInfoInput,
  type UploadFile,
  type EventsParams,
} from './client.ts';
export { NalishApiError, type FieldError } from './errors.ts';
export type * from './types.ts';
export {
  API_KEY_SCOPES,
  MERCHANT_EVENT_TYPES,
  WebhookCreateSchema,
  WebhookPatchSchema,
  type ComplaintListParams,
  type State,
  type WebhookCreateInput,
  type WebhookPatchInput,
} from '@nalish/domain';
