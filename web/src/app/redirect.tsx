import { useEffect } from 'react';
import { navigate } from './router.js';

/** Navigates once mounted (navigating while rendering would re-render the old page mid-way). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
