// The timeline in plain words ("the seller answered with an offer") and the evidence, with a
// way to add a file while the complaint is open.
import type { ComplaintView as View } from '@nalish/domain/responses';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UiKey } from '../../../i18n/en.ts';
import { ActiveContentWarning } from '../../../ui/ActiveContentWarning.tsx';

/** Who took a step, in the consumer's words ("you", "the seller", …). */
function useWho() {
  const { t } = useI18n();
  return (role: string) => t(`consumer.who.${role === 'consumer' || role === 'merchant' || role === 'officer' ? role : 'system'}` as UiKey);
}

export function Timeline({ v }: { v: View }) {
  const { t, dateTime } = useI18n();
  const who = useWho();
  const sentence = (e: View['timeline'][number]) => {
    let key = `consumer.ev.${e.type}`;
    if (e.type === 'respond') key = (e.payload as { kind?: string })?.kind === 'defence' ? 'consumer.ev.respond.defence' : 'consumer.ev.respond.offer';
    const text = t(key as UiKey, { who: who(e.actorRole) });
    return text === key ? t('consumer.ev.other') : text;
  };
  return (
    <section aria-labelledby="t-timeline">
      <h2 id="t-timeline">{t('consumer.track.timeline')}</h2>
      <ol className="timeline">
        {v.timeline.map((e) => (
          <li key={e.seq}>
            {sentence(e)}
            <time dateTime={e.at}>{dateTime(e.at)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function EvidenceCard({ v, error, onUpload }: { v: View; error: string | undefined; onUpload: (files: FileList | null) => Promise<void> }) {
  const { t, date } = useI18n();
  const who = useWho();
  return (
    <section aria-labelledby="t-evidence">
      <h2 id="t-evidence">{t('consumer.track.evidence')}</h2>
      {v.evidence.length > 0 && (
        <ul className="evidence-list">
          {v.evidence.map((e) => (
            <li key={e.id}>
              <a href={`/api/v1/complaints/${v.trackingCode}/evidence/${e.id}`}>{e.filename}</a>{' '}
              <span className="muted small">
                ({who(e.uploadedBy)}, {date(e.createdAt)})
              </span>
              <ActiveContentWarning kinds={e.activeContent} />
            </li>
          ))}
        </ul>
      )}
      {v.actions.length > 0 && (
        <>
          <label className="button file-button" htmlFor="t-file">
            {t('consumer.track.addEvidence')}
          </label>
          <input id="t-file" className="file-input" type="file" accept="image/*,application/pdf" onChange={(e) => void onUpload(e.target.files).then(() => (e.target.value = ''))} />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
