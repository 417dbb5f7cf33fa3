// Row types of the server database (snake_case as stored); repositories map them to the shared domain types.
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { HelpDatabase } from './schema-help';

/** Instants are epoch ms in BIGINT columns (pg's int8 is parsed to number in connection.ts). */
type Instant = number;
/** Booleans are 0/1 integers so SQLite and PostgreSQL store them alike. */
type Flag = number;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Instant;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  description: string;
  schedule_json: string;
  routing: string;
  product: string | null;
  position: number;
  /** Migration 10; empty = the default greeting. Optional on insert (the column defaults to ''). */
  greeting: ColumnType<string, string | undefined, string>;
  /** Migration 12: the direct address (lower-cased, unique), or null. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SpecialistsTable {
  id: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  max_concurrent_chats: number;
  password_hash: string;
  created_at: Instant;
  /** When the specialist last got a chat (or came online): "longest idle" wins a routing tie. */
  idle_since: Instant;
  /** Presence lease: some node holds a socket of this specialist until then (null = none). */
  online_until: Instant | null;
  /** Migration 10; 0 once an admin deactivated the account. Optional on insert (the column defaults to 1). */
  active: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface SpecialistDepartmentsTable {
  specialist_id: string;
  department_id: string;
}

export interface RefreshTokensTable {
  token_hash: string;
  specialist_id: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface ConversationsTable {
  id: string;
  client_id: string;
  department_id: string;
  visitor_email: string;
  question: string;
  context_json: string;
  state: string;
  specialist_id: string | null;
  ticket_id: number | null;
  visitor_token_hash: string;
  queued_at: Instant;
  assigned_at: Instant | null;
  first_response_at: Instant | null;
  ended_at: Instant | null;
  end_reason: string | null;
  last_seq: number;
  last_activity_at: Instant;
}

export interface MessagesTable {
  id: string;
  client_id: string;
  conversation_id: string;
  seq: number;
  author_kind: string;
  author_id: string | null;
  author_name: string;
  body: string;
  attachments_json: string;
  internal: Flag;
  created_at: Instant;
}

export interface DropBoxesTable {
  id: string;
  client_id: string;
  conversation_id: string;
  requested_by: string;
  label: string;
  state: string;
  attachments_json: string;
  created_at: Instant;
}

export interface AttachmentsTable {
  id: string;
  conversation_id: string | null;
  ticket_id: number | null;
  file_name: string;
  size: number;
  content_type: string;
  sha256: string;
  uploaded_by: string;
  /**
   * Migration 12: the signed-in portal customer who uploaded a file for a request not yet submitted (ticket_id
   * null until the request references it); null for every other upload.
   */
  portal_owner: ColumnType<string | null, string | null | undefined, string | null>;
  /** Generated file name under DATA_DIR/files; never derived from the uploaded name. */
  storage_name: string;
  created_at: Instant;
}

export interface TicketsTable {
  id: Generated<number>;
  client_id: string | null;
  subject: string;
  status: string;
  channel: string;
  department_id: string;
  requester_email: string;
  ccs_json: string;
  context_json: string;
  category: string | null;
  product: string | null;
  resolution_json: string | null;
  assignee_id: string | null;
  conversation_id: string | null;
  follow_up_of: number | null;
  escalation_json: string | null;
  workaround: string | null;
  rca_note: string | null;
  created_at: Instant;
  updated_at: Instant;
  solved_at: Instant | null;
  closed_at: Instant | null;
  /** When the current status was set: the stamp automation jobs are planned from. */
  status_changed_at: Instant | null;
}

export interface TicketCommentsTable {
  seq: Generated<number>;
  id: string;
  client_id: string | null;
  ticket_id: number;
  author_kind: string;
  author_id: string | null;
  author_name: string;
  body: string;
  attachments_json: string;
  internal: Flag;
  created_at: Instant;
}

export interface TicketAuditTable {
  id: Generated<number>;
  ticket_id: number;
  at: Instant;
  actor_kind: string;
  actor_id: string | null;
  field: string;
  from_json: string;
  to_json: string;
}

export interface EventsTable {
  seq: Generated<number>;
  at: Instant;
  type: string;
  payload_json: string;
  /** Scope columns: who may read the event (see events.ts). */
  conversation_id: string | null;
  department_id: string | null;
  specialist_id: string | null;
  visitor_visible: Flag;
}

/** Results of idempotent commands, keyed by actor + client id, so a retry answers the first result. */
export interface CommandResultsTable {
  key: string;
  result_json: string;
  created_at: Instant;
}

export interface MailLogTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  subject: string;
  ticket_id: number | null;
  /** .eml file in DATA_DIR/outbox for the embedded transport; null when sent over SMTP. */
  file_name: string | null;
  status: ColumnType<string, string, string>;
  created_at: Instant;
  /** The attempt log of mail_outbox (migration 7): which row, which attempt, and the error code of a failure. */
  outbox_id: ColumnType<number | null, number | null | undefined, number | null>;
  attempt: ColumnType<number | null, number | null | undefined, number | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One outgoing mail, written in the transaction of the change that causes it (src-server/db/mail-outbox.ts). */
export interface MailOutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  kind: string;
  to_address: string;
  subject: string;
  body: string;
  ticket_id: number | null;
  /** queued | sent | failed (for good). */
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: Instant;
  next_attempt_at: Instant;
  claimed_by: string | null;
  claimed_at: Instant | null;
  sent_at: Instant | null;
  /** Migration 12: the signed reply address (src-server/inbound/reply-address.ts), or null. */
  reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 12: In-Reply-To ("<…>") of a threaded mail, or null. */
  in_reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 12: References, space-separated "<…>" ids, or null. */
  references_ids: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 13: the one-click unsubscribe URL (List-Unsubscribe, RFC 8058), or null. */
  list_unsubscribe: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AutomationJobsTable {
  id: string;
  ticket_id: number;
  kind: string;
  ordinal: number;
  status: string;
  status_since: Instant;
  due_at: Instant;
  claimed_by: string | null;
  claimed_at: Instant | null;
  done_at: Instant | null;
  outcome: string | null;
}

export interface IncidentsTable {
  id: string;
  title: string;
  category: string;
  eid: string | null;
  state: string;
  notice_id: string | null;
  created_by: string;
  created_at: Instant;
  resolved_at: Instant | null;
  resolution_note: string | null;
}

export interface IncidentTicketsTable {
  incident_id: string;
  ticket_id: number;
  linked_at: Instant;
}

/** One report for incident detection (src-server/db/incident-reports.ts): a ticket counts once per key. */
export interface IncidentReportsTable {
  id: Generated<number>;
  ticket_id: number;
  /** Category and event id of the report (incidentKeyOf). */
  key: string;
  at: Instant;
}

/** Per key: whether its incident is open, the newest instant judged, and a version for the conditional update. */
export interface IncidentKeysTable {
  key: string;
  open: Flag;
  latest_at: Instant;
  version: number;
}

/** One login attempt that reached the password check (refused ones never do): the audit and the backoff's memory. */
export interface LoginAttemptsTable {
  id: Generated<number>;
  /** As typed (lower-cased), known account or not. */
  email: string;
  /** The client address (after TRUST_PROXY). */
  address: string;
  at: Instant;
  success: Flag;
}

/** A canned response (src-server/db/canned-responses.ts); shortcuts are unique per department and among the shared ones. */
export interface CannedResponsesTable {
  id: string;
  /** Null: shared by every specialist. */
  department_id: string | null;
  shortcut: string;
  title: string;
  body: string;
  updated_at: Instant;
}

/** One administrative change (src-server/db/admin-audit.ts): who, what, and the changed fields before and after. */
export interface AdminAuditTable {
  id: Generated<number>;
  at: Instant;
  /** Null: the command line. */
  actor_id: string | null;
  actor_name: string;
  action: string;
  target: string;
  /** `[{ field, before, after }]`, never a password or its hash. */
  changes_json: string;
}

/** One mail the inbound SMTP listener accepted (src-server/db/inbound-mail.ts), stored before the 250 answer. */
export interface InboundMailTable {
  id: Generated<number>;
  received_at: Instant;
  envelope_from: string;
  envelope_to: string;
  department_id: string;
  /** The mail exactly as received. */
  raw: Buffer;
  status: 'received' | 'processed' | 'ignored' | 'failed';
  reason: string | null;
  message_id: string | null;
  from_address: string | null;
  ticket_id: number | null;
  processed_at: Instant | null;
  /** Migration 12: the parsed Subject, recorded with the outcome (null until processed, or when unparseable). */
  subject: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 12: a one-time portal sign-in link; only the SHA-256 of its token is stored. */
export interface PortalSignInLinksTable {
  token_hash: string;
  email: string;
  return_to: string | null;
  created_at: Instant;
  expires_at: Instant;
  /** Set when the link is used (once); a second use is refused. */
  used_at: Instant | null;
}

/** Migration 12: a signed-in portal customer; the cookie holds the token, the row its SHA-256. */
export interface PortalSessionsTable {
  token_hash: string;
  email: string;
  created_at: Instant;
  expires_at: Instant;
  last_seen_at: Instant;
  /** Set by sign-out; a revoked session is refused. */
  ended_at: Instant | null;
}

/** Migration 13: who gets status_update mail (src-server/db/status-subscriptions.ts); the unsubscribe token's SHA-256. */
export interface StatusSubscriptionsTable { email: string; created_at: Instant; unsubscribe_token_hash: string }

export interface Database extends HelpDatabase {
  schema_migrations: SchemaMigrationsTable;
  departments: DepartmentsTable;
  specialists: SpecialistsTable;
  specialist_departments: SpecialistDepartmentsTable;
  refresh_tokens: RefreshTokensTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  drop_boxes: DropBoxesTable;
  attachments: AttachmentsTable;
  tickets: TicketsTable;
  ticket_comments: TicketCommentsTable;
  ticket_audit: TicketAuditTable;
  events: EventsTable;
  command_results: CommandResultsTable;
  mail_log: MailLogTable;
  mail_outbox: MailOutboxTable;
  automation_jobs: AutomationJobsTable;
  incidents: IncidentsTable;
  incident_tickets: IncidentTicketsTable;
  incident_reports: IncidentReportsTable;
  incident_keys: IncidentKeysTable;
  login_attempts: LoginAttemptsTable;
  canned_responses: CannedResponsesTable;
  admin_audit: AdminAuditTable;
  inbound_mail: InboundMailTable;
  portal_sign_in_links: PortalSignInLinksTable;
  portal_sessions: PortalSessionsTable;
  status_subscriptions: StatusSubscriptionsTable;
}

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';
