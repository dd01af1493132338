import { defineOperations, field, format, sessionField } from './define';

export const miscOperations = defineOperations('Misc', [
  {
    id: 'postMiscConvertStringTarget',
    method: 'POST',
    path: '/misc/convert-string-toqr/{target}',
    inputs: [
      field('target', 'path', 'string', true, {
        help: true,
        format: format('target', /^(?:base64|svg|png|jpe?g|webp)$/),
      }),
      field('string', 'body', 'string', true),
      field('encoding', 'body', 'string', false),
    ],
  },
  {
    id: 'postMiscWhatsappFileDecrypt',
    method: 'POST',
    path: '/misc/whatsapp/file-decrypt',
    inputs: [
      field('mediaKey', 'body', 'string', true),
      field('file', 'body', 'file', true),
      field('mimeType', 'body', 'string', false),
      field('fileSha256', 'body', 'string', false),
      field('output', 'body', 'string', false, { options: ['base64', 'url', 'file'] }),
    ],
  },
  {
    id: 'postMiscWhatsappPollUpdateVote',
    method: 'POST',
    path: '/misc/whatsapp/poll-update-vote',
    inputs: [
      sessionField('body'),
      field('pollEncKey', 'body', 'string', false),
      field('pollMsgId', 'body', 'string', false),
      field('pollCreatorJid', 'body', 'string', false),
      field('voterJid', 'body', 'string', false),
      field('pollUpdateVote', 'body', 'json', true, { shape: 'object' }),
    ],
  },
  {
    id: 'postMiscWhatsappValidatePhone',
    method: 'POST',
    path: '/misc/whatsapp/validate/phone',
    inputs: [
      sessionField('body', false),
      field('phone', 'body', 'string', true),
      field('country', 'body', 'string', false),
    ],
  },
  {
    id: 'postMiscWhatsappValidateJid',
    method: 'POST',
    path: '/misc/whatsapp/validate/jid',
    inputs: [
      sessionField('body', false),
      field('jid', 'body', 'string', true),
    ],
  },
  {
    id: 'postMiscWhatsappResolveJidOrLid',
    method: 'POST',
    path: '/misc/whatsapp/resolve/jid-or-lid',
    inputs: [
      sessionField('body', false),
      field('input', 'body', 'string', true),
    ],
  },
  {
    id: 'postMiscMediaThumbnail',
    method: 'POST',
    path: '/misc/media/thumbnail',
    inputs: [
      field('file', 'body', 'file', true),
      field('type', 'body', 'string', true, { options: ['image', 'video'] }),
      field('width', 'body', 'integer', false, { minimum: 1 }),
      field('height', 'body', 'integer', false, { minimum: 1 }),
      field('count', 'body', 'integer', false, { minimum: 1 }),
      field('output', 'body', 'string', false, { options: ['base64', 'url', 'file'] }),
    ],
  },
  {
    id: 'postMiscMediaImage',
    method: 'POST',
    path: '/misc/media/image',
    inputs: [
      field('file', 'body', 'file', true),
      field('actions', 'body', 'json', false, { shape: 'object' }),
      field('output', 'body', 'string', false, { options: ['base64', 'url', 'file'] }),
    ],
  },
  {
    id: 'postMiscUuidGenerate',
    method: 'POST',
    path: '/misc/uuid/generate',
    bodyOptional: true,
    inputs: [
      field('type', 'body', 'string', false, { options: ['uuid', 'ulid'] }),
      field('version', 'body', 'string', false, { options: ['v1', 'v3', 'v4', 'v5', 'nil'] }),
      field('namespace', 'body', 'string', false),
      field('name', 'body', 'string', false),
      field('format', 'body', 'string', false),
      field('count', 'body', 'integer', false, { minimum: 1, maximum: 1000 }),
    ],
  },
  {
    id: 'postMiscUuidValidate',
    method: 'POST',
    path: '/misc/uuid/validate',
    inputs: [
      field('type', 'body', 'string', false, { options: ['uuid', 'ulid'] }),
      field('value', 'body', 'string', true),
    ],
  },
  {
    id: 'postMiscCryptoHash',
    method: 'POST',
    path: '/misc/crypto/hash',
    inputs: [
      field('algo', 'body', 'string', false),
      field('input', 'body', 'string', true),
      field('output', 'body', 'string', false, { options: ['hex', 'base64'] }),
    ],
  },
  {
    id: 'postMiscCryptoHmac',
    method: 'POST',
    path: '/misc/crypto/hmac',
    inputs: [
      field('algo', 'body', 'string', false),
      field('key', 'body', 'string', true),
      field('input', 'body', 'string', true),
      field('output', 'body', 'string', false, { options: ['hex', 'base64'] }),
    ],
  },
  {
    id: 'postMiscBase64',
    method: 'POST',
    path: '/misc/base64',
    inputs: [
      field('action', 'body', 'string', true, { options: ['encode', 'decode'] }),
      field('input', 'body', 'string', true),
      field('output', 'body', 'string', false, { options: ['string', 'base64', 'url', 'file'] }),
    ],
  },
]);
