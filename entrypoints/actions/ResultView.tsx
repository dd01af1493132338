import { useState } from 'react';
import { findImages } from '@/lib/explorer/result-images';
import { JsonNode } from './JsonTree';
import { useExplorerStore } from './store';
import { clipboardRefused, copyText } from '@/lib/ui/clipboard';
import { textsOf } from '@/lib/i18n';

const t = textsOf('actions');

/** The last run's outcome: status and the server's words, pictures inline, the answer as JSON. */
export function ResultView() {
  const outcome = useExplorerStore((s) => s.outcome);
  // Which answer the "copied" line is about: a newer answer does not inherit it.
  const [copied, setCopied] = useState<{ about: unknown; text: string } | null>(null);
  if (!outcome) return null;
  if (!outcome.ok) {
    const { error } = outcome;
    return (
      <section className="result failed" aria-label={t('result')}>
        <h3>{error.status ? t('failedHttp', { status: error.status }) : t('failed')}</h3>
        <p className="error-text" role="alert">{error.message}</p>
      </section>
    );
  }
  const { data } = outcome;
  const answer = data.result !== undefined ? data.result : data.results;
  const images = findImages(answer);
  const json = JSON.stringify(answer, null, 2) ?? 'null';
  async function copy() {
    setCopied({ about: outcome, text: (await copyText(json)) ? t('copiedJson') : t('copyRefused', { refused: clipboardRefused() }) });
  }
  return (
    <section className="result" aria-label={t('result')} aria-live="polite">
      <h3>{t('done', { status: data.status, ms: Math.round(data.latencyMs) })}</h3>
      {data.message && <p>{t('serverSaid', { message: data.message })}</p>}
      {images.length > 0 && (
        <div className="result-images">
          {images.map((image) => (
            <figure key={image.path}>
              <img src={image.src} alt={t('imageAt', { path: image.path })} />
              <figcaption className="hint">{image.path}</figcaption>
            </figure>
          ))}
        </div>
      )}
      <div className="actions compact">
        <button type="button" onClick={() => void copy()}>{t('copyJson')}</button>
        {copied?.about === outcome && <span className="hint" role="status">{copied.text}</span>}
      </div>
      <div className="json-tree" aria-label={t('answer')}>
        <JsonNode name="" value={answer} />
      </div>
    </section>
  );
}
