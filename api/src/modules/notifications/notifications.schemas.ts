/** The notifications module's HTTP schemas (TypeBox: validation, types and OpenAPI in one place). */
import { Type, type Static } from '@sinclair/typebox';

const Channel = Type.Union([Type.Literal('sms'), Type.Literal('telegram'), Type.Literal('email')], {
  description: 'sms, telegram or email',
});

export const Preferences = Type.Object(
  {
    channel: Type.Union([Channel, Type.Null()], {
      description:
        'The channel messages go through first; null: phone first (SMS, then Telegram), then e-mail.',
    }),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'E.164, +855…' }),
    email: Type.Union([Type.String(), Type.Null()]),
    telegramChatId: Type.Union([Type.String(), Type.Null()]),
    channelsOn: Type.Array(Channel, { description: 'The channels this platform sends through.' }),
  },
  { $id: 'NotificationPreferences', title: 'NotificationPreferences' },
);
export type Preferences = Static<typeof Preferences>;

export const PreferencesBody = Type.Object(
  {
    channel: Type.Union([Channel, Type.Null()]),
    phone: Type.Union([Type.String({ maxLength: 30 }), Type.Null()]),
    email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()]),
    telegramChatId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
  },
  { additionalProperties: false, $id: 'NotificationPreferencesBody', title: 'NotificationPreferencesBody' },
);
export type PreferencesBody = Static<typeof PreferencesBody>;
