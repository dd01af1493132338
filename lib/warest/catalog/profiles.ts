import { defineOperations, field, sessionField } from './define';

export const profilesOperations = defineOperations('Profiles', [
  {
    id: 'getProfileInfo',
    method: 'GET',
    path: '/profile/info',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getProfilePicture',
    method: 'GET',
    path: '/profile/picture',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'postProfilePicture',
    method: 'POST',
    path: '/profile/picture',
    inputs: [
      sessionField('body'),
      field('picture', 'body', 'file', true),
    ],
  },
  {
    id: 'deleteProfilePicture',
    method: 'DELETE',
    path: '/profile/picture',
    destructive: true,
    inputs: [
      sessionField('body'),
    ],
  },
  {
    id: 'getProfilePrivacy',
    method: 'GET',
    path: '/profile/privacy',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getProfileListContacts',
    method: 'GET',
    path: '/profile/list-contacts',
    inputs: [
      sessionField('query'),
      field('type', 'query', 'string', false, { options: ['contacts', 'groups'] }),
      field('deep', 'query', 'boolean', false),
      field('groupIds', 'query', 'string', false),
      field('limit', 'query', 'integer', false, { minimum: 1, maximum: 1000 }),
    ],
  },
  {
    id: 'getProfileOnWhatsapp',
    method: 'GET',
    path: '/profile/on-whatsapp',
    inputs: [
      sessionField('query'),
      field('checkNumbers', 'query', 'string', true),
      field('deep', 'query', 'boolean', false),
    ],
  },
  {
    id: 'getProfileBusinessProfile',
    method: 'GET',
    path: '/profile/business-profile',
    inputs: [
      sessionField('query'),
      field('checkNumbers', 'query', 'string', true),
    ],
  },
]);
