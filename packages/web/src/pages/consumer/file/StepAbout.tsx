// Step 6, what happened and who the consumer is: the description, their name, district and
// (optionally) e-mail.
import { DISTRICTS } from '@nalish/domain';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Field } from '../../../ui/Field.tsx';
import type { Draft } from '../draft.ts';
import { type StepProps, StepForm } from './StepForm.tsx';

const PLACES = DISTRICTS as Record<string, { bn: string; en: string }>;

/** A district's name in the reader's language ('' when none is chosen). */
export function useDistrictName() {
  const { locale } = useI18n();
  return (id: string) => PLACES[id]?.[locale] ?? '';
}

export function StepAbout({ d, update, err, onNext, onBack }: StepProps & { onNext: () => void; onBack: () => void }) {
  const { t, locale } = useI18n();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => update((x) => ({ ...x, [k]: v }));
  const districts = Object.entries(PLACES).sort((a, b) => a[1][locale].localeCompare(b[1][locale], locale));
  return (
    <StepForm onSubmit={onNext} onBack={onBack}>
      <Field id="a-description" label={t('consumer.about.description')} hint={t('consumer.about.descriptionHint')} error={err('description')}>
        {(a) => <textarea {...a} rows={6} value={d.description} onChange={(e) => set('description', e.target.value)} />}
      </Field>
      <Field id="a-name" label={t('consumer.about.name')} error={err('consumer.name')}>
        {(a) => <input {...a} autoComplete="name" value={d.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field id="a-district" label={t('consumer.about.district')} error={err('consumer.district')}>
        {(a) => (
          <select {...a} value={d.district} onChange={(e) => set('district', e.target.value)}>
            <option value="">{t('consumer.choose')}</option>
            {districts.map(([id, n]) => (
              <option key={id} value={id}>
                {n[locale]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="a-email" label={t('consumer.about.email')} error={err('consumer.email')}>
        {(a) => <input {...a} type="email" autoComplete="email" value={d.email} onChange={(e) => set('email', e.target.value)} />}
      </Field>
    </StepForm>
  );
}
