import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { loadMonaco } from '../editor/load-monaco.js';
import { ErrorBoundary } from '../ui/error-boundary.js';
import { Loading } from '../ui/loading.js';
import { matchPath, useLocation } from './router.js';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

// Every page is its own chunk: a candidate never downloads the reviewer console, and the app
// shell stays small. Monaco is loaded later still, by the editors that need it; pages built
// around an editor start fetching it together with their own chunk, not after their data
// (that waterfall was ~400 ms of a candidate's cold load).
const withEditor =
  <T,>(page: () => Promise<T>) =>
  () => {
    void loadMonaco();
    return page();
  };
const CandidatePage: Page = lazy(withEditor(() => import('../candidate/candidate-page.js')));
const LoginPage: Page = lazy(() => import('../staff/login-page.js'));
const AttemptListPage: Page = lazy(() => import('../review/attempt-list-page.js'));
const AttemptPage: Page = lazy(withEditor(() => import('../review/attempt-page.js')));
const ChallengesPage: Page = lazy(() => import('../admin/challenges-page.js'));
const ChallengePreviewPage: Page = lazy(withEditor(() => import('../admin/challenge-preview-page.js')));
const InvitesPage: Page = lazy(() => import('../admin/invites-page.js'));
const UsersPage: Page = lazy(() => import('../admin/users-page.js'));

const ROUTES: Array<[pattern: string, page: Page]> = [
  ['/i/:token', CandidatePage],
  ['/', LoginPage],
  ['/login', LoginPage],
  ['/attempts', AttemptListPage],
  ['/attempts/:id', AttemptPage],
  ['/admin/challenges', ChallengesPage],
  ['/admin/challenges/:id/preview', ChallengePreviewPage],
  ['/admin/invites', InvitesPage],
  ['/admin/users', UsersPage],
];

export function App() {
  const { path } = useLocation();
  for (const [pattern, Page] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) {
      return (
        <ErrorBoundary key={path} what="This page">
          <Suspense fallback={<Loading label="Loading the page" />}>
            <Page params={params} />
          </Suspense>
        </ErrorBoundary>
      );
    }
  }
  return (
    <main className="narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at <code>{path}</code>. If you were sent a link to an assessment, open it exactly as it was sent; staff can <a href="/login">sign in</a>.
      </p>
    </main>
  );
}
