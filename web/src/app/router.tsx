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
