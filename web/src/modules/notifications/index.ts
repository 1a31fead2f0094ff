/**
 * Notifications: the signed-in person's contact and the channel their messages come by (SMS,
 * Telegram or e-mail), at /account/notifications.
 */
import { lazyPage, type WebModule } from '../../lib/web-module.ts';

export const notificationsModule: WebModule = {
  name: 'notifications',
  routes: [
    lazyPage('account/notifications', () =>
      import('./preferences-page.tsx').then((m) => m.NotificationPreferencesPage),
    ),
  ],
  nav: [
    {
      to: '/account/notifications',
      label: 'notifications.nav.preferences',
      order: 120,
      shows: (session) => session.user !== null,
    },
  ],
};
