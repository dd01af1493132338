import { AccountBusiness } from './AccountBusiness';
import { AccountCheckNumbers } from './AccountCheckNumbers';
import { AccountContacts } from './AccountContacts';
import { AccountInfo, ProfilePrivacy } from './AccountInfo';
import { AccountPicture } from './AccountPicture';
import { usePopupStore } from '../shared/store';
import '../shared/sections.css';

/** A session's WhatsApp profile: who it is, its picture, privacy, contacts, and number lookups. */
export default function AccountScreen({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  return (
    <section className="panel profile-panel" aria-label={`Profile of ${sessionId}`}>
      <h2>Profile of “{sessionId}”</h2>
      <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
      <AccountInfo sessionId={sessionId} />
      <AccountPicture sessionId={sessionId} />
      <ProfilePrivacy sessionId={sessionId} />
      <AccountContacts sessionId={sessionId} />
      <AccountCheckNumbers sessionId={sessionId} />
      <AccountBusiness sessionId={sessionId} />
    </section>
  );
}
