import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { listenToTheDocument } from '../../src/app/document.ts';

// As main.tsx does in the browser: links to the app's views and the tools' buttons.
listenToTheDocument();

// Data arrives as the app fetches it; on a busy machine that takes longer than the default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
