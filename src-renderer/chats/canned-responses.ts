// Canned responses in the composer: which of the team's responses a chat offers, matching the "/shortcut" being
// typed, and the values its {variables} are filled with when one is inserted. The responses themselves come from
// the server (`listCanned`), shared per department; pure functions here.
import type { CannedResponse, TemplateValues } from '../../src-shared/canned-response';

/** What matching needs of a response. */
export type CannedChoice = Pick<CannedResponse, 'shortcut' | 'title' | 'body'>;

/** The "/query" being typed when the composer text is a lone slash command, else null. */
export function slashQuery(text: string): string | null {
  const m = /^\/([\w-]*)$/.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

/** Responses whose shortcut starts with the query first, then those whose title or body mention it. */
export function matchCanned<T extends CannedChoice>(list: readonly T[], query: string): T[] {
  const q = query.toLowerCase();
  const prefix = list.filter((c) => c.shortcut.toLowerCase().startsWith(q));
  const mention = list.filter((c) => !prefix.includes(c) && (c.title + ' ' + c.body).toLowerCase().includes(q));
  return [...prefix, ...mention];
}

/**
 * The responses a chat of `departmentId` offers: that department's and the shared ones. A department's own
 * response hides a shared one with the same shortcut (the department said it better for its customers).
 */
export function cannedForDepartment(list: readonly CannedResponse[], departmentId: string | null): CannedResponse[] {
  const own = list.filter((c) => c.departmentId !== null && c.departmentId === departmentId);
  const taken = new Set(own.map((c) => c.shortcut));
  const shared = list.filter((c) => c.departmentId === null && !taken.has(c.shortcut));
  return [...own, ...shared].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
}

/** The values of a chat's template variables (a missing one stays as typed, so the specialist sees the gap). */
export function chatTemplateValues(chat: { visitorEmail: string | null; specialistName: string | null; departmentName: string | null }): TemplateValues {
  return {
    ...(chat.visitorEmail ? { 'visitor.email': chat.visitorEmail } : {}),
    ...(chat.specialistName ? { 'specialist.name': chat.specialistName } : {}),
    ...(chat.departmentName ? { 'department.name': chat.departmentName } : {}),
  };
}
