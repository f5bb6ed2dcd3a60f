import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { InviteLanding } from './invite-landing.js';
import { StaffHome } from './staff-home.js';

/** A minimal shell: the invite landing at /i/<token>, staff pages everywhere else. */
function App() {
  const invite = /^\/i\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 960, margin: '2rem auto', padding: '0 1rem', lineHeight: 1.5 }}>
      <h1 style={{ fontSize: '1.4rem' }}>Assay</h1>
      {invite ? <InviteLanding token={invite[1]!} /> : <StaffHome />}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
