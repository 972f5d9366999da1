// The closing rating, 1 to 5 stars with an optional comment, and the rating once given.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Field } from '../../../ui/Field.tsx';
import type { Steps } from './act.ts';

function Stars({ value, onChange, name }: { value: number; onChange(n: number): void; name: string }) {
  const { t } = useI18n();
  return (
    <div className="stars" role="radiogroup" aria-label={name}>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={n <= value ? 'on' : ''}>
          <input type="radio" name="stars" value={n} checked={value === n} onChange={() => onChange(n)} />
          <span aria-hidden="true">★</span>
          <span className="sr">{t('consumer.track.stars', { n })}</span>
        </label>
      ))}
    </div>
  );
}

export function Rating({ view: v, act, busy, err }: Steps) {
  const { t } = useI18n();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const ratingComment = (v.timeline.findLast((e) => e.type === 'rate')?.payload as { comment?: string } | undefined)?.comment;
  return (
    <>
      {v.actions.includes('rate') && (
        <form
          className="card"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (stars < 1) return;
            void act('rate', { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) }, 'comment');
          }}
        >
          <h2 id="t-rate">{t('consumer.track.rate')}</h2>
          <Stars value={stars} onChange={setStars} name={t('consumer.track.rate')} />
          <Field id="t-comment" label={t('consumer.track.comment')} error={err.comment}>
            {(a) => <textarea {...a} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />}
          </Field>
          <button type="submit" className="primary" disabled={busy || stars < 1}>
            {t('consumer.track.rateSend')}
          </button>
        </form>
      )}
      {v.rating !== null && (
        <p className="rated">
          <span aria-hidden="true">
            {'★'.repeat(v.rating)}
            {'☆'.repeat(5 - v.rating)}
          </span>{' '}
          {t('consumer.track.stars', { n: v.rating })}
          {ratingComment ? ` — ${ratingComment}` : ''}
        </p>
      )}
    </>
  );
}
