import { defineOperations, field, sessionField } from './define';

export const profilesOperations = defineOperations('Profiles', [
  {
    id: 'getProfileInfo',
    label: 'Profile info',
    method: 'GET',
    path: '/profile/info',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getProfilePicture',
    label: 'Get profile picture',
    method: 'GET',
    path: '/profile/picture',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'postProfilePicture',
    label: 'Set profile picture',
    method: 'POST',
    path: '/profile/picture',
    inputs: [
      sessionField('body'),
      field('picture', 'body', 'file', true, 'Picture'),
    ],
  },
  {
    id: 'deleteProfilePicture',
    label: 'Remove profile picture',
    method: 'DELETE',
    path: '/profile/picture',
    destructive: true,
    inputs: [
      sessionField('body'),
    ],
  },
  {
    id: 'getProfilePrivacy',
    label: 'Privacy settings',
    method: 'GET',
    path: '/profile/privacy',
    inputs: [
      sessionField('query'),
    ],
  },
  {
    id: 'getProfileListContacts',
    label: 'List contacts',
    method: 'GET',
    path: '/profile/list-contacts',
    inputs: [
      sessionField('query'),
      field('type', 'query', 'string', false, 'Type', { options: ['contacts', 'groups'] }),
      field('deep', 'query', 'boolean', false, 'Deep lookup'),
      field('groupIds', 'query', 'string', false, 'Group IDs'),
      field('limit', 'query', 'integer', false, 'Limit', { minimum: 1, maximum: 1000 }),
    ],
  },
  {
    id: 'getProfileOnWhatsapp',
    label: 'Check numbers on WhatsApp',
    method: 'GET',
    path: '/profile/on-whatsapp',
    inputs: [
      sessionField('query'),
      field('checkNumbers', 'query', 'string', true, 'Phone numbers'),
      field('deep', 'query', 'boolean', false, 'Deep lookup'),
    ],
  },
  {
    id: 'getProfileBusinessProfile',
    label: 'Business profile',
    method: 'GET',
    path: '/profile/business-profile',
    inputs: [
      sessionField('query'),
      field('checkNumbers', 'query', 'string', true, 'Phone numbers'),
    ],
  },
]);
