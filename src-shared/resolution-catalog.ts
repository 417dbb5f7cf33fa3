// The resolution catalog (DESIGN.md §3) as versioned data, and the rules a resolution must pass when a ticket is solved.
import { z } from 'zod';
import { ticketIdSchema } from './ids';
import { type TicketActor } from './ticket-lifecycle';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'kebab-case id' });

export const resolutionTypeSchema = z.object({
  /** Stable: stored on tickets and reported on, so never renamed or reused; retire by a new catalog version. */
  id: kebabId,
  label: z.string().min(1),
  description: z.string().min(1),
  /** Only the system may pick it (auto-solve); hidden from pickers. */
  systemOnly: z.boolean(),
  /** Must link another ticket (Duplicate → the original). */
  needsLink: z.boolean(),
  /** Product lines (lowercase slugs, as on the ticket) it is limited to; absent = any product. */
  products: z.array(z.string().min(1)).min(1).optional(),
  /** The docs' `*`: may need data maintenance approval from the client, so the ticket records it. */
  approvalMayBeRequired: z.boolean(),
  /** Account Management picks the ticket up (the Redirect types it manages). */
  notifiesAccountManagement: z.boolean(),
});
export type ResolutionType = z.infer<typeof resolutionTypeSchema>;

export const resolutionGroupSchema = z.object({
  id: kebabId,
  label: z.string().min(1),
  types: z.array(resolutionTypeSchema).min(1),
});
export type ResolutionGroup = z.infer<typeof resolutionGroupSchema>;

export const resolutionCatalogSchema = z
  .object({ version: z.number().int().positive(), groups: z.array(resolutionGroupSchema).min(1) })
  .refine((c) => isUnique(c.groups.flatMap((g) => g.types.map((t) => t.id))), { error: 'resolution type ids must be unique' })
  .refine((c) => isUnique(c.groups.map((g) => g.id)), { error: 'resolution group ids must be unique' });
export type ResolutionCatalog = z.infer<typeof resolutionCatalogSchema>;

/** What a solved ticket stores: the type, and the catalog version it was picked from. */
export const resolutionSchema = z.object({
  typeId: z.string(),
  catalogVersion: z.number().int(),
  /** The original ticket, for Duplicate. */
  linkedTicketId: ticketIdSchema.optional(),
  /** Data maintenance approval, for the types that may require it. */
  approval: z.object({ requested: z.boolean(), received: z.boolean() }).optional(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

function isUnique(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length;
}

type Rules = Partial<Omit<ResolutionType, 'id' | 'label' | 'description'>>;

const type = (id: string, label: string, description: string, rules: Rules = {}): ResolutionType => ({
  id,
  label,
  description,
  systemOnly: false,
  needsLink: false,
  approvalMayBeRequired: false,
  notifiesAccountManagement: false,
  ...rules,
});

export const AUTO_SOLVED_RESOLUTION_ID = 'auto-solved-no-response';
export const DUPLICATE_RESOLUTION_ID = 'duplicate';

/**
 * Version 1: the types of DESIGN.md §3, descriptions from the support docs. The older doc's "Support
 * Definition" list (Set up, Void, …) is superseded and left out; adding or retiring a type means version 2.
 */
export const resolutionCatalog: ResolutionCatalog = {
  version: 1,
  groups: [
    {
      id: 'recommendation-explanation',
      label: 'Recommendation/Explanation',
      types: [
        type('action-required-by-client', 'Action required (by client)', 'A change to the data within the platform was required by the end user.'),
        type('alternate-workflow-provided', 'Alternate workflow provided', 'Customer Experience provided an alternate workflow to mitigate the reported issue.'),
        type('system-functionality-explained', 'System functionality explained', 'Field or functionality defined by Customer Experience.'),
      ],
    },
    {
      id: 'record-profile-setup',
      label: 'Record/Profile Setup',
      types: [
        type('new-record-by-client', 'New record (by client)', 'A new record or profile, typically managed by the client, must be added.'),
        type('record-changed-by-cx', 'Record added/changed (by CX/Implementation)', 'A field or record that is only editable by CX/Implementation was changed.', {
          approvalMayBeRequired: true,
        }),
        type(
          'record-changed-by-account-management',
          'Record added/changed (by Account Management)',
          'A field or data set configuration that is managed by Account Management was changed.',
          { approvalMayBeRequired: true },
        ),
      ],
    },
    {
      id: 'defect',
      label: 'Defect',
      types: [
        type('code-fix', 'Code fix', 'A deployment of new code to the platform mitigated the reported issue.'),
        type('data-fix', 'Data fix/patch', 'A change or patch to existing data was executed.', { approvalMayBeRequired: true }),
      ],
    },
    {
      id: 'redirect',
      label: 'Redirect',
      types: [
        type(
          'enhancement-request',
          'Enhancement request (managed by Account Management)',
          'Account Manager will reach out to the end user to discuss a functionality enhancement.',
          { notifiesAccountManagement: true },
        ),
        type(
          'redirect-other',
          'Other (managed by Account Management)',
          'Account Manager will reach out to the end user regarding their request (e.g., report design, workflow exploration).',
          { notifiesAccountManagement: true },
        ),
        type(
          'existing-record-change-by-client',
          'Existing record change (managed by Client)',
          'Records maintained on the client side (e.g., user security) must be changed to mitigate the issue.',
        ),
        type(
          'external-system',
          'External system (managed by Third Party)',
          'A change is required by an integrated third-party system (e.g., an integrated ad server setting) to mitigate the issue.',
        ),
      ],
    },
    {
      id: 'technical',
      label: 'Technical',
      types: [type('technical', 'Technical', 'Reported issue was caused by a technical issue that impacted the platform.')],
    },
    {
      id: 'auto-solved',
      label: 'Auto-solved',
      types: [
        type(AUTO_SOLVED_RESOLUTION_ID, 'No response from user', 'User failed to respond and the ticket was auto-solved.', { systemOnly: true }),
      ],
    },
    {
      id: 'duplicate',
      label: 'Duplicate',
      types: [type(DUPLICATE_RESOLUTION_ID, 'Duplicate', 'The requester has opened multiple tickets on the same issue.', { needsLink: true })],
    },
    {
      id: 'professional-services',
      label: 'Professional Services',
      types: [
        type('on-site-support', 'On-site support', 'Ticket to track an on-site support session.'),
        type(
          'configuration-request',
          'Configuration request',
          "User's issue resolution required a configuration change, or the client requested a configuration change post-implementation. For use with Lumina only.",
          { products: ['lumina'] },
        ),
      ],
    },
    {
      id: 'training',
      label: 'Training',
      types: [
        type('training-completed', 'Training completed', 'The requested training was completed.'),
        type('training-cancelled', 'Training cancelled', 'The requested training was cancelled.'),
        type('utilized-elearning', 'Utilized eLearning', 'User was directed to the learning center for eLearning and training collateral.'),
        type('training-registration-related', 'Training registration related', 'User inquired about a scheduled training.'),
      ],
    },
  ],
};

export function findResolutionType(id: string, catalog: ResolutionCatalog = resolutionCatalog): ResolutionType | undefined {
  for (const group of catalog.groups) {
    const found = group.types.find((t) => t.id === id);
    if (found) return found;
  }
  return undefined;
}

export type ResolutionPickContext = { actor: TicketActor; product: string | null };

export type ResolutionContext = ResolutionPickContext & {
  /** The ticket being solved. */
  ticketId: number;
  /** When given, a linked ticket must exist. */
  ticketExists?: (id: number) => boolean;
};

export type ResolutionCheck = { ok: true } | { ok: false; error: { code: 'invalid_resolution'; message: string } };

/** Whether this actor may pick the type on a ticket of this product: one rule for pickers and validation alike. */
function isAvailable(t: ResolutionType, ctx: ResolutionPickContext): boolean {
  if (t.systemOnly && ctx.actor !== 'system') return false;
  return t.products === undefined || (ctx.product !== null && t.products.includes(ctx.product));
}

const invalid = (message: string): ResolutionCheck => ({ ok: false, error: { code: 'invalid_resolution', message } });

/** Checks a resolution against the catalog rules; the resolution's shape is assumed parsed by resolutionSchema. */
export function validateResolution(resolution: Resolution, ctx: ResolutionContext, catalog: ResolutionCatalog = resolutionCatalog): ResolutionCheck {
  if (resolution.catalogVersion !== catalog.version) {
    return invalid(`Resolution catalog version ${resolution.catalogVersion} is not the current version ${catalog.version}.`);
  }
  const t = findResolutionType(resolution.typeId, catalog);
  if (!t) return invalid(`Unknown resolution type "${resolution.typeId}".`);
  if (t.systemOnly && ctx.actor !== 'system') return invalid(`"${t.label}" is set by the system only.`);
  if (!isAvailable(t, ctx)) return invalid(`"${t.label}" is only for product ${t.products?.join(', ')}, not ${ctx.product ?? 'a ticket without a product'}.`);

  const link = resolution.linkedTicketId;
  if (t.needsLink) {
    if (link === undefined) return invalid(`"${t.label}" must link the original ticket.`);
    if (link === ctx.ticketId) return invalid(`A ticket cannot be linked to itself.`);
    if (ctx.ticketExists && !ctx.ticketExists(link)) return invalid(`Linked ticket #${link} does not exist.`);
  } else if (link !== undefined) {
    return invalid(`"${t.label}" does not take a linked ticket.`);
  }

  const approval = resolution.approval;
  if (approval && !t.approvalMayBeRequired) return invalid(`"${t.label}" does not require data maintenance approval.`);
  if (approval && approval.received && !approval.requested) return invalid('Approval cannot be received without being requested.');
  return { ok: true };
}

/** The groups and types a picker offers: system-only types and types for other products hidden, empty groups dropped. */
export function selectableResolutionGroups(ctx: ResolutionPickContext, catalog: ResolutionCatalog = resolutionCatalog): ResolutionGroup[] {
  return catalog.groups
    .map((g) => ({ ...g, types: g.types.filter((t) => isAvailable(t, ctx)) }))
    .filter((g) => g.types.length > 0);
}
