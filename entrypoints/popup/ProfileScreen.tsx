import { usePopupStore } from './store';

/** A session's WhatsApp profile. (Being built.) */
export default function ProfileScreen({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  return (
    <section className="panel" aria-label={`Profile of ${sessionId}`}>
      <h2>Profile of “{sessionId}”</h2>
      <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
    </section>
  );
}
