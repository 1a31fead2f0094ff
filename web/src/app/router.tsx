import { createBrowserRouter } from 'react-router';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';
import { HomePage } from '../portal/home-page.tsx';

// Only the home page is in the first bundle: citizens often arrive on a phone over a slow link.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'units',
            lazy: async () => {
              const { UnitsPage } = await import('../modules/gazetteer/units-page.tsx');
              return { Component: UnitsPage };
            },
          },
          {
            path: 'units/changes',
            lazy: async () => {
              const { ChangesPage } = await import('../modules/gazetteer/changes-page.tsx');
              return { Component: ChangesPage };
            },
          },
          {
            path: 'units/:code',
            lazy: async () => {
              const { UnitPage } = await import('../modules/gazetteer/unit-page.tsx');
              return { Component: UnitPage };
            },
          },
          {
            path: 'map',
            lazy: async () => {
              const { MapPage } = await import('../modules/gazetteer/map-page.tsx');
              return { Component: MapPage };
            },
          },
          {
            path: 'admin/gazetteer-import',
            lazy: async () => {
              const { ImportPage } = await import('../modules/gazetteer/import-page.tsx');
              return { Component: ImportPage };
            },
          },
          {
            path: 'sign-in',
            lazy: async () => {
              const { SignInPage } = await import('../modules/access/sign-in-page.tsx');
              return { Component: SignInPage };
            },
          },
          {
            path: 'account',
            lazy: async () => {
              const { AccountPage } = await import('../modules/access/account-page.tsx');
              return { Component: AccountPage };
            },
          },
          {
            path: 'account/password',
            lazy: async () => {
              const { ChangePasswordPage } = await import('../modules/access/change-password-page.tsx');
              return { Component: ChangePasswordPage };
            },
          },
          {
            path: 'admin/users',
            lazy: async () => {
              const { UsersPage } = await import('../modules/access/users-page.tsx');
              return { Component: UsersPage };
            },
          },
          {
            path: 'admin/users/new',
            lazy: async () => {
              const { NewUserPage } = await import('../modules/access/new-user-page.tsx');
              return { Component: NewUserPage };
            },
          },
          {
            path: 'admin/users/:id',
            lazy: async () => {
              const { UserPage } = await import('../modules/access/user-page.tsx');
              return { Component: UserPage };
            },
          },
          {
            path: '*',
            lazy: async () => {
              const { NotFoundPage } = await import('../portal/not-found-page.tsx');
              return { Component: NotFoundPage };
            },
          },
        ],
      },
    ],
  },
]);
