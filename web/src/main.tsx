import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config } from 'zod/v4/core';
import { App } from './app/app.js';
import './ui/styles.css';

// The page's policy allows no eval: zod must never try `new Function` (a CSP violation). Set before
// any page chunk (and the contract's schemas with it) is loaded; zod's core config alone is small.
config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
