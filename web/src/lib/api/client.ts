import createClient from 'openapi-fetch';
import type { paths } from './schema.d.ts';

// Same origin: the API serves the web app, and the Vite dev server proxies /api.
export const api = createClient<paths>({ baseUrl: '' });
