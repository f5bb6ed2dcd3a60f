import { z } from 'zod';
import { EventBatch } from '../recording.js';
import { ChallengeList, InviteList, NewInvite, OneInvite, OneUser, TroubledGradingList, UserList } from './admin.js';
import { CandidateAttempt, CandidateStatus, EventsAck, InviteInfo, RunStatus, SaveFilesBody, Saved, StartBody, Started, Submitted } from './candidate.js';
import { CandidateEvidence, IntegrityReplyBody, IntegrityReplyView } from './integrity.js';
import { AttemptChange, AttemptDetail, AttemptList, EventPage, ScoreDraftView, ScoresView } from './review.js';
import { CreateInviteBody, CreateUserBody, LoginBody, SaveScoreDraftBody, ScoreBody, SetPasswordBody, StaffUser } from './staff.js';

/** Who may call a route: nobody in particular, the holder of an invite token, any staff member, or admins. */
export type RouteAccess = 'public' | 'candidate' | 'staff' | 'admin';

export interface Route<Body extends z.ZodType | undefined = z.ZodType | undefined, Response extends z.ZodType = z.ZodType, Path extends string = string> {
  method: 'GET' | 'POST' | 'PUT';
  /** Hono-style path; `:name` segments are filled from params. */
  path: Path;
  access: RouteAccess;
  body: Body;
  /** The answer's schema; for an event stream, the schema of each event's data. */
  response: Response;
  /** Set for a server-sent event stream: the answer is `text/event-stream`, never one JSON body. */
  stream?: 'events';
}

const route = <Body extends z.ZodType | undefined, Response extends z.ZodType, Path extends string>(r: Route<Body, Response, Path>) => r;
const Ok = z.object({ ok: z.literal(true) });
const Me = z.object({ user: StaffUser });

/**
 * Every API route, its caller and its bodies: the one place the web client and the API agree
 * on. The API mounts exactly these (a test enumerates the app's routes against this table).
 */
export const API_ROUTES = {
  health: route({ method: 'GET', path: '/api/health', access: 'public', body: undefined, response: z.object({ ok: z.boolean() }).passthrough() }),
  login: route({ method: 'POST', path: '/api/auth/login', access: 'public', body: LoginBody, response: Me }),
  logout: route({ method: 'POST', path: '/api/auth/logout', access: 'public', body: undefined, response: Ok }),
  me: route({ method: 'GET', path: '/api/auth/me', access: 'staff', body: undefined, response: Me }),

  invite: route({ method: 'GET', path: '/api/candidate/invite', access: 'candidate', body: undefined, response: InviteInfo }),
  start: route({ method: 'POST', path: '/api/candidate/start', access: 'candidate', body: StartBody, response: Started }),
  attempt: route({ method: 'GET', path: '/api/candidate/attempt', access: 'candidate', body: undefined, response: CandidateAttempt }),
  saveFiles: route({ method: 'PUT', path: '/api/candidate/files', access: 'candidate', body: SaveFilesBody, response: Saved }),
  uploadEvents: route({ method: 'POST', path: '/api/candidate/events', access: 'candidate', body: EventBatch, response: EventsAck }),
  startRun: route({ method: 'POST', path: '/api/candidate/runs', access: 'candidate', body: undefined, response: RunStatus }),
  run: route({ method: 'GET', path: '/api/candidate/runs/:id', access: 'candidate', body: undefined, response: RunStatus }),
  submit: route({ method: 'POST', path: '/api/candidate/submit', access: 'candidate', body: undefined, response: Submitted }),
  evidence: route({ method: 'GET', path: '/api/candidate/evidence', access: 'candidate', body: undefined, response: CandidateEvidence }),
  ownEvents: route({ method: 'GET', path: '/api/candidate/evidence/events', access: 'candidate', body: undefined, response: EventPage }),
  saveReply: route({ method: 'PUT', path: '/api/candidate/evidence/reply', access: 'candidate', body: IntegrityReplyBody, response: IntegrityReplyView }),
  candidateStatus: route({ method: 'GET', path: '/api/candidate/status', access: 'candidate', body: undefined, response: CandidateStatus }),

  attempts: route({ method: 'GET', path: '/api/review/attempts', access: 'staff', body: undefined, response: AttemptList }),
  attemptDetail: route({ method: 'GET', path: '/api/review/attempts/:id', access: 'staff', body: undefined, response: AttemptDetail }),
  attemptEvents: route({ method: 'GET', path: '/api/review/attempts/:id/events', access: 'staff', body: undefined, response: EventPage }),
  regrade: route({ method: 'POST', path: '/api/review/attempts/:id/regrade', access: 'staff', body: undefined, response: z.object({ gradingId: z.string() }) }),
  score: route({ method: 'POST', path: '/api/review/attempts/:id/scores', access: 'staff', body: ScoreBody, response: Ok }),
  scores: route({ method: 'GET', path: '/api/review/attempts/:id/scores', access: 'staff', body: undefined, response: ScoresView }),
  scoreDraft: route({ method: 'GET', path: '/api/review/attempts/:id/scores/draft', access: 'staff', body: undefined, response: ScoreDraftView }),
  reviewFeed: route({ method: 'GET', path: '/api/review/feed', access: 'staff', body: undefined, response: AttemptChange, stream: 'events' }),
  saveScoreDraft: route({ method: 'PUT', path: '/api/review/attempts/:id/scores/draft', access: 'staff', body: SaveScoreDraftBody, response: ScoreDraftView }),

  challenges: route({ method: 'GET', path: '/api/admin/challenges', access: 'admin', body: undefined, response: ChallengeList }),
  challengePreview: route({ method: 'GET', path: '/api/admin/challenges/:id/preview', access: 'admin', body: undefined, response: CandidateAttempt }),
  createInvite: route({ method: 'POST', path: '/api/admin/invites', access: 'admin', body: CreateInviteBody, response: NewInvite }),
  invites: route({ method: 'GET', path: '/api/admin/invites', access: 'admin', body: undefined, response: InviteList }),
  reissueInvite: route({ method: 'POST', path: '/api/admin/invites/:id/reissue', access: 'admin', body: undefined, response: NewInvite }),
  revokeInvite: route({ method: 'POST', path: '/api/admin/invites/:id/revoke', access: 'admin', body: undefined, response: OneInvite }),
  users: route({ method: 'GET', path: '/api/admin/users', access: 'admin', body: undefined, response: UserList }),
  createUser: route({ method: 'POST', path: '/api/admin/users', access: 'admin', body: CreateUserBody, response: OneUser }),
  troubledGradings: route({ method: 'GET', path: '/api/admin/gradings', access: 'admin', body: undefined, response: TroubledGradingList }),
  disableUser: route({ method: 'POST', path: '/api/admin/users/:id/disable', access: 'admin', body: undefined, response: OneUser }),
  enableUser: route({ method: 'POST', path: '/api/admin/users/:id/enable', access: 'admin', body: undefined, response: OneUser }),
  setPassword: route({ method: 'POST', path: '/api/admin/users/:id/password', access: 'admin', body: SetPasswordBody, response: OneUser }),
} as const;
export type ApiRoutes = typeof API_ROUTES;
export type RouteName = keyof ApiRoutes;
