/**
 * Profiles: the logged-in account's profile, picture and privacy, its contacts, and lookups of
 * other numbers (on WhatsApp? business profile?). Lookups answer one object for one number and an
 * array for several, as the spec's oneOf says.
 */
import { personFor } from '../chat-store';
import { type HandlerContext, type HandlerMap, loggedInSession, queryBool, queryInt, str } from '../context';
import { ApiError, ok } from '../envelope';
import { digitsOf, isOnWhatsApp, toGroupJid, userJid } from '../ids';
import { parseDataUri } from '../png';
import { participantOf, type BusinessProfile, type Person, type SessionRecord } from '../state';

function pictureOf(ctx: HandlerContext, phone: string): { full: string; preview: string } | null {
  const owner = [...ctx.world.state.sessions.values()].find((session) => session.account.phone === phone);
  const url = owner?.picture?.url;
  return url ? { full: url, preview: url } : null;
}

function businessEntry(person: Person, business: BusinessProfile | null) {
  return {
    jid: userJid(person.phone),
    phone: person.phone,
    email: business?.email ?? null,
    address: business?.address ?? null,
    categories: business?.categories ?? [],
    businessHoursTimezone: business?.businessHoursTimezone ?? null,
    businessHours: business ? [{ day_of_week: 'monday', mode: 'open', open_time: '08:00', close_time: '17:00' }] : [],
    description: business?.description ?? null,
    websites: business?.websites ?? [],
    wid: business ? person.phone : null,
  };
}

/** A person with deep=true extras: picture, about, business profile. */
function enriched(ctx: HandlerContext, person: Person) {
  return {
    picture: pictureOf(ctx, person.phone),
    about: person.about,
    businessProfile: person.business ? { description: person.business.description, email: person.business.email, categories: person.business.categories } : null,
  };
}

function numbersOf(ctx: HandlerContext): string[] {
  const numbers = (ctx.query.checkNumbers ?? '').split(',').map((entry) => digitsOf(entry)).filter(Boolean);
  if (numbers.length === 0) throw new ApiError(2001, 'checkNumbers is required');
  return numbers;
}

function oneOrMany<T>(items: T[]): T | T[] {
  return items.length === 1 && items[0] !== undefined ? items[0] : items;
}

function profilePicture(session: SessionRecord) {
  const picture = session.picture;
  return picture
    ? { phone: session.account.phone, url: picture.url, id: picture.id, type: 'image', imgFull: picture.url, imgPreview: picture.url }
    : { phone: session.account.phone, imgFull: null, imgPreview: null };
}

export const profileHandlers: HandlerMap = {
  getProfileInfo(ctx) {
    const session = loggedInSession(ctx);
    const business = session.business;
    return ok('Profile info', [{
      phone: session.account.phone,
      verifiendName: business ? session.account.pushName : null, // sic: the spec spells it this way
      pushName: session.account.pushName,
      about: session.account.about,
      pictureId: session.picture?.id ?? null,
      businessProfile: business ? { ...businessEntry(personFor(ctx.world, session, session.account.phone), business), website: business.websites } : null,
      entries: null,
      profilePicture: session.picture ? { url: session.picture.url, id: session.picture.id, type: 'image', imgFull: session.picture.url, imgPreview: session.picture.url } : null,
    }]);
  },

  getProfilePicture(ctx) {
    const session = loggedInSession(ctx);
    return ok(session.picture ? 'Profile picture resolved' : 'No profile picture', [profilePicture(session)]);
  },

  postProfilePicture(ctx) {
    const session = loggedInSession(ctx);
    const picture = str(ctx.body, 'picture') ?? '';
    const dataUri = parseDataUri(picture);
    const id = Math.random().toString(16).slice(2, 10).toUpperCase();
    if (dataUri) session.picture = { id, url: ctx.world.host(dataUri.bytes, dataUri.mimeType, dataUri.mimeType === 'image/png' ? 'png' : 'jpg').url };
    else if (/^https?:\/\//i.test(picture)) session.picture = { id, url: picture };
    else if (/^[A-Za-z0-9+/\s]+={0,2}$/.test(picture) && picture.length > 0) session.picture = { id, url: ctx.world.host(Buffer.from(picture, 'base64'), 'image/jpeg', 'jpg').url };
    else throw new ApiError(2002, 'picture must be a URL, a data URI or base64 image data');
    return ok('Profile picture updated', [profilePicture(session)]);
  },

  deleteProfilePicture(ctx) {
    const session = loggedInSession(ctx);
    session.picture = null;
    return ok('Profile picture removed', []);
  },

  getProfilePrivacy(ctx) {
    const session = loggedInSession(ctx);
    return ok('Privacy preferences', [{ phone: session.account.phone, ...session.privacy }]);
  },

  getProfileListContacts(ctx) {
    const session = loggedInSession(ctx);
    const deep = queryBool(ctx, 'deep') === true;
    const limit = queryInt(ctx, 'limit', 15);
    let phones: string[];
    if (ctx.query.type === 'groups') {
      const wanted = ctx.query.groupIds ? new Set(ctx.query.groupIds.split(',').map((id) => toGroupJid(id))) : null;
      phones = [...ctx.world.state.groups.values()]
        .filter((group) => participantOf(group, session.account.phone) && (!wanted || wanted.has(group.jid)))
        .flatMap((group) => group.participants.map((participant) => participant.phone));
    } else {
      phones = [...session.contacts.keys()];
    }
    const data = [...new Set(phones)]
      .filter((phone) => phone !== session.account.phone)
      .slice(0, limit)
      .map((phone) => {
        const person = personFor(ctx.world, session, phone);
        const entry = { jid: userJid(phone), phone, name: person.name };
        return deep ? { ...entry, verifiedName: person.business ? person.name : null, ...enriched(ctx, person) } : entry;
      });
    return ok(`Contacts (deep=${deep})`, [{ phone: session.account.phone, data }]);
  },

  getProfileOnWhatsapp(ctx) {
    const session = loggedInSession(ctx);
    const deep = queryBool(ctx, 'deep') === true;
    const entries = numbersOf(ctx).map((phone) => {
      const exists = isOnWhatsApp(phone);
      const entry = { jid: userJid(phone), phone, isOnWhatsApp: exists };
      return deep && exists ? { ...entry, ...enriched(ctx, personFor(ctx.world, session, phone)) } : entry;
    });
    return ok('Lookup complete', [{ data: oneOrMany(entries) }]);
  },

  getProfileBusinessProfile(ctx) {
    const session = loggedInSession(ctx);
    const entries = numbersOf(ctx).map((phone) => {
      const person = personFor(ctx.world, session, phone);
      return businessEntry(person, person.business);
    });
    return ok('Business profile info', [{ data: oneOrMany(entries) }]);
  },
};
