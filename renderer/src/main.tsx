/** Renderer entry: bundled Noto Sans SC, the transport for this runtime, and the app. */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/api';
import { pickTransport } from './api/pick-transport';
import { AppRoot } from './app/app-root';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const api = createApi(pickTransport(window));
createRoot(container).render(
  <StrictMode>
    <AppRoot api={api} />
  </StrictMode>,
);
