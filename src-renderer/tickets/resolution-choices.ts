// What the Resolution picker offers for a ticket and search text, what it refuses (and why), and the
// Resolution it submits; the rules themselves are the shared catalog's, never repeated here.
import {
  findResolutionType,
  resolutionCatalog,
  selectableResolutionGroups,
  validateResolution,
  type Resolution,
  type ResolutionCatalog,
  type ResolutionCheck,
  type ResolutionGroup,
  type ResolutionType,
} from '../../src-shared/resolution-catalog';

export type RefusedChoice = { type: ResolutionType; reason: string };
export type PickerChoices = { groups: ResolutionGroup[]; refused: RefusedChoice[] };

const matches = (query: string, ...texts: string[]): boolean => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = texts.join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
};

/** Selectable groups filtered by the search text, plus the hidden types the text names, with the reason they are not offered. */
export function pickerChoices(query: string, product: string | null, catalog: ResolutionCatalog = resolutionCatalog): PickerChoices {
  const selectable = selectableResolutionGroups({ actor: 'specialist', product }, catalog);
  const offered = new Set(selectable.flatMap((g) => g.types.map((t) => t.id)));
  const q = query.trim();
  const groups = selectable
    .map((g) => ({ ...g, types: q === '' || matches(q, g.label) ? g.types : g.types.filter((t) => matches(q, t.label, t.description)) }))
    .filter((g) => g.types.length > 0);
  const refused: RefusedChoice[] = [];
  if (q !== '') {
    for (const g of catalog.groups) {
      for (const t of g.types) {
        if (offered.has(t.id) || !(matches(q, g.label) || matches(q, t.label, t.description))) continue;
        refused.push({ type: t, reason: t.systemOnly ? 'Set by the system only' : `Only for ${(t.products ?? []).map(productName).join(', ')} tickets` });
      }
    }
  }
  return { groups, refused };
}

const productName = (slug: string): string => slug.charAt(0).toUpperCase() + slug.slice(1);

export type ResolutionDraft = {
  typeId: string;
  linkedTicketId: string;
  approvalRequested: boolean;
  approvalReceived: boolean;
};

export const emptyDraft = (typeId = ''): ResolutionDraft => ({ typeId, linkedTicketId: '', approvalRequested: false, approvalReceived: false });

/** The Resolution a draft stands for: a link only for types that need one, approval only where the type may need it. */
export function draftToResolution(draft: ResolutionDraft, catalog: ResolutionCatalog = resolutionCatalog): Resolution {
  const t = findResolutionType(draft.typeId, catalog);
  const resolution: Resolution = { typeId: draft.typeId, catalogVersion: catalog.version };
  const link = Number.parseInt(draft.linkedTicketId.replace(/^#/, ''), 10);
  if (t?.needsLink && Number.isFinite(link) && link > 0) resolution.linkedTicketId = link;
  if (t?.approvalMayBeRequired && (draft.approvalRequested || draft.approvalReceived)) {
    resolution.approval = { requested: draft.approvalRequested, received: draft.approvalReceived };
  }
  return resolution;
}

/** Checks a draft with the catalog's own rules, as the server will, so the picker explains a refusal before sending. */
export function checkDraft(draft: ResolutionDraft, ticket: { id: number; product: string | null }, catalog: ResolutionCatalog = resolutionCatalog): ResolutionCheck {
  if (draft.typeId === '') return { ok: false, error: { code: 'invalid_resolution', message: 'Pick a resolution type.' } };
  return validateResolution(draftToResolution(draft, catalog), { actor: 'specialist', product: ticket.product, ticketId: ticket.id }, catalog);
}
