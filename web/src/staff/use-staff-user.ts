import type { StaffUser } from '@assay/contract';
import { apiCall, ApiCallError } from '../api/api-call.js';
import { useAsync } from '../ui/use-async.js';

/** The signed-in staff member, or null when nobody is signed in. */
export function useStaffUser(): { user: StaffUser | null | undefined; error: unknown } {
  const { data, error } = useAsync(
    (signal) =>
      apiCall('me', { signal }).then(
        ({ user }) => user,
        (e: unknown) => {
          if (e instanceof ApiCallError && e.status === 401) return null;
          throw e;
        },
      ),
    [],
  );
  return { user: data, error };
}
