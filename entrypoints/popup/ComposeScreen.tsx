import { usePopupStore } from './store';

/** The composer: send any of WARest's 12 message types from one session. (Being built.) */
export default function ComposeScreen({ sessionId }: { sessionId: string; to?: string }) {
  const show = usePopupStore((s) => s.show);
  return (
    <section className="panel" aria-label={`Send from ${sessionId}`}>
      <h2>Send from “{sessionId}”</h2>
      <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
    </section>
  );
}
