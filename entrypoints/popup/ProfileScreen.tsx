import { ProfileBusiness } from './ProfileBusiness';
import { ProfileCheckNumbers } from './ProfileCheckNumbers';
import { ProfileContacts } from './ProfileContacts';
import { ProfileInfo, ProfilePrivacy } from './ProfileInfo';
import { ProfilePicture } from './ProfilePicture';
import { usePopupStore } from './store';
import './profile.css';

/** A session's WhatsApp profile: who it is, its picture, privacy, contacts, and number lookups. */
export default function ProfileScreen({ sessionId }: { sessionId: string }) {
  const show = usePopupStore((s) => s.show);
  return (
    <section className="panel profile-panel" aria-label={`Profile of ${sessionId}`}>
      <h2>Profile of “{sessionId}”</h2>
      <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
      <ProfileInfo sessionId={sessionId} />
      <ProfilePicture sessionId={sessionId} />
      <ProfilePrivacy sessionId={sessionId} />
      <ProfileContacts sessionId={sessionId} />
      <ProfileCheckNumbers sessionId={sessionId} />
      <ProfileBusiness sessionId={sessionId} />
    </section>
  );
}
