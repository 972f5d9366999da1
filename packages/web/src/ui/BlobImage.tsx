// An evidence image. The server sends every evidence file as a download (never rendered as a
// page of ours), so the bytes are fetched with the session and shown from an object URL,
// which is released when the image goes away.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function BlobImage(props: { src: string; type: string; alt: string; className?: string; failedText: string; loadingText?: string }) {
  const { src, type } = props;
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let objectUrl: string | null = null;
    setUrl(null);
    setFailed(false);
    fetch(src, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        const blob = await r.blob();
        if (!live) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type }));
        setUrl(objectUrl);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src, type]);
  if (failed) return <p className="error">{props.failedText}</p>;
  if (!url) return <p className="muted">{props.loadingText ?? t('common.loading')}</p>;
  return <img className={props.className} src={url} alt={props.alt} />;
}
