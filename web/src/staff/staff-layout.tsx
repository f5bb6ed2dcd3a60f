import type { ReactNode } from 'react';
import type { StaffUser } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Redirect } from '../app/redirect.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useStaffUser } from './use-staff-user.js';

const NAV: Array<{ href: string; label: string; adminOnly: boolean }> = [
  { href: '/attempts', label: 'Attempts', adminOnly: false },
  { href: '/admin/challenges', label: 'Challenges', adminOnly: true },
  { href: '/admin/invites', label: 'Invites', adminOnly: true },
  { href: '/admin/users', label: 'Reviewers', adminOnly: true },
];

/**
 * The frame of every staff page: navigation by role, who is signed in, sign out. Pages get the
 * user; a visitor who is not signed in is sent to the login page, and back here after it.
 */
export function StaffLayout({ title, adminOnly = false, children }: { title: string; adminOnly?: boolean; children: (user: StaffUser) => ReactNode }) {
  const { user, error } = useStaffUser();
  const { path } = useLocation();
  if (error) return <main className="narrow"><ErrorMessage error={error} /></main>;
  if (user === undefined) return <main className="narrow"><Loading label="Checking who you are" /></main>;
  if (user === null) return <Redirect to={`/login?next=${encodeURIComponent(path)}`} />;
  const signOut = async () => {
    await apiCall('logout', {});
    navigate('/login');
  };
  document.title = `${title} · Assay`;
  return (
    <>
      <header className="topbar">
        <span className="brand">Assay</span>
        <nav aria-label="Main">
          {NAV.filter((item) => !item.adminOnly || user.role === 'admin').map((item) => (
            <Link key={item.href} href={item.href} aria-current={path.startsWith(item.href) ? 'page' : undefined}>
              {item.label}
            </Link>
          ))}
        </nav>
        <span className="spacer" />
        <span className="muted">
          {user.name} ({user.role})
        </span>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main className="page">
        {adminOnly && user.role !== 'admin' ? <p className="error" role="alert">This page is for admins; ask an admin of your team for access.</p> : children(user)}
      </main>
    </>
  );
}
