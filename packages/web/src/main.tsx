import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

// Installable app: the service worker keeps the shell on the phone (production builds only).
// Not from inside the widget's frame on a shop's page: that is no install of the app.
if (import.meta.env.PROD && 'serviceWorker' in navigator && !location.pathname.startsWith('/embed/')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  });
}
