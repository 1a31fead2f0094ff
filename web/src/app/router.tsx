import { createBrowserRouter } from 'react-router';
import { Layout } from './layout.tsx';
import { WEB_MODULES } from './modules.ts';
import { RouteError } from './route-error.tsx';
import { HomePage } from '../portal/home-page.tsx';
import { lazyPage } from '../lib/web-module.ts';

// Only the home page is in the first bundle: citizens often arrive on a phone over a slow link.
// Each module's pages are lazy chunks (their index.ts declares them).
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          ...WEB_MODULES.flatMap((module) => module.routes),
          lazyPage('*', () => import('../portal/not-found-page.tsx').then((m) => m.NotFoundPage)),
        ],
      },
    ],
  },
]);
