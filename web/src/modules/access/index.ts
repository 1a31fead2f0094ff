/** Signing in, citizens' sign-up and recovery by phone, one's account, and the people and their assignments. */
import { lazyPage, type WebModule } from '../../lib/web-module.ts';

export const accessModule: WebModule = {
  name: 'access',
  routes: [
    lazyPage('sign-in', () => import('./sign-in-page.tsx').then((m) => m.SignInPage)),
    lazyPage('sign-in/recover', () => import('./recover-page.tsx').then((m) => m.RecoverPage)),
    lazyPage('sign-up', () => import('./sign-up-page.tsx').then((m) => m.SignUpPage)),
    lazyPage('account', () => import('./account-page.tsx').then((m) => m.AccountPage)),
    lazyPage('account/password', () =>
      import('./change-password-page.tsx').then((m) => m.ChangePasswordPage),
    ),
    lazyPage('admin/users', () => import('./users-page.tsx').then((m) => m.UsersPage)),
    lazyPage('admin/users/new', () => import('./new-user-page.tsx').then((m) => m.NewUserPage)),
    lazyPage('admin/users/:id', () => import('./user-page.tsx').then((m) => m.UserPage)),
  ],
  nav: [
    {
      to: '/admin/users',
      label: 'nav.users',
      order: 110,
      shows: (session) => session.can('access.user.read'),
    },
  ],
};
