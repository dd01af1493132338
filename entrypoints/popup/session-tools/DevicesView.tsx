import { useLatest } from '@/components/use-latest';
import { showPhone } from '../shared/format';
import { useProfileChoice } from '@/lib/ui/profile-choice';
import { usePopupStore } from '../shared/store';
import { callActive } from '../shared/run-operation';

interface Device {
  name: string;
  phone?: string;
  device: string;
}

/** A device entry as WARest sends it: `device` is a word ("android") or an object ({ platform, browser }). */
function readDevice(raw: unknown): Device | null {
  if (!raw || typeof raw !== 'object') return null;
  const item = raw as Record<string, unknown>;
  const kind = item.device;
  const device =
    typeof kind === 'string'
      ? kind
      : kind && typeof kind === 'object'
        ? Object.values(kind as Record<string, unknown>).filter((v) => typeof v === 'string' && v).join(' · ')
        : '';
  const phone = typeof item.phone === 'string' && item.phone ? item.phone : undefined;
  return { name: typeof item.name === 'string' && item.name ? item.name : 'Unnamed device', ...(phone && { phone }), device: device || 'unknown' };
}

export function DevicesView({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  const activeProfileId = useProfileChoice((s) => s.activeProfileId);
  const latest = useLatest(async () => {
    const reply = await callActive('getSessionDevices', { sessionId });
    return reply.ok ? { ok: true as const, data: reply.data.results.map(readDevice).filter((d): d is Device => d !== null) } : reply;
  }, [sessionId, activeProfileId]);
  const devices = latest.error ? null : latest.data;
  const error = latest.error?.message ?? null;

  return (
    <section className="panel" aria-label={`Devices of ${sessionId}`}>
      <h2>Linked devices of “{sessionId}”</h2>
      {!devices && !error && (
        <div aria-busy="true" aria-label="Loading the linked devices">
          <span className="skeleton" style={{ width: '70%' }} />
          <span className="skeleton" style={{ width: '45%' }} />
        </div>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      {devices && devices.length === 0 && <p>No linked devices reported.</p>}
      {devices && devices.length > 0 && (
        <ul className="devices" aria-label="Linked devices">
          {devices.map((d, i) => (
            <li key={i}>
              <strong>{d.name}</strong> <span className="hint">{[showPhone(d.phone), d.device].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
      </div>
    </section>
  );
}
