/**
 * The browser entry. A built page carries its markup and the data it was rendered from; the app
 * hydrates it inside a transition so that hydration yields to the browser instead of blocking it.
 */
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { PAGE_DATA_ELEMENT_ID, type PageData } from '../core/site-data.ts';
import { SERVICE_WORKER_PATH } from '../core/offline-signals.ts';
import { App } from './App.tsx';
import { listenToTheDocument } from './document.ts';
import { whenIdle } from './idle.ts';
import { completePageData } from './paragraphs.ts';
import './styles.css';

const container = document.getElementById('root');
const dataElement = document.getElementById(PAGE_DATA_ELEMENT_ID);

listenToTheDocument();

if (container && dataElement?.textContent) {
  const data = completePageData(JSON.parse(dataElement.textContent) as PageData, container);
  const app = <App data={data} />;
  if (container.hasChildNodes()) startTransition(() => void hydrateRoot(container, app));
  else createRoot(container).render(app);
}

// Reading offline (docs/decisions/0013-read-offline.md): the worker is registered once the page has
// loaded and is idle, so a first visit pays nothing for it; where it cannot be, the site works as before.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => whenIdle(() => void navigator.serviceWorker.register(SERVICE_WORKER_PATH).catch(() => undefined)));
}
