// Canned responses shared by the team (per department or for everyone) and the variables they, and department
// greetings, may use. Filling is pure: the console fills a canned response, the server fills a greeting.
import { z } from 'zod';
import { departmentIdSchema, instantSchema } from './ids';

export const cannedShortcutSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, up to 40');

export const cannedResponseSchema = z.object({
  id: z.uuid(),
  /** Null: every specialist sees it; otherwise the specialists of this department (and leads and admins). */
  departmentId: departmentIdSchema.nullable(),
  /** Typed after "/" in the composer. Unique within its department (or among the shared ones). */
  shortcut: cannedShortcutSchema,
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(2000),
  updatedAt: instantSchema,
});
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

/** A new canned response (no id) or a change to one (its id): the whole response either way. */
export const cannedDraftSchema = cannedResponseSchema.omit({ updatedAt: true, id: true }).extend({ id: z.uuid().optional() });
export type CannedDraft = z.infer<typeof cannedDraftSchema>;

/** The variables a greeting or canned response may use, with what each becomes. */
export const templateVariables = {
  'visitor.email': 'the customer’s email address',
  'specialist.name': 'your name as customers see it',
  'department.name': 'the chat’s department',
} as const;
export type TemplateVariable = keyof typeof templateVariables;
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const VARIABLE = /\{([a-z]+\.[a-z]+)\}/g;

/** Replaces each known `{variable}` with its value; unknown ones and ones without a value stay as typed. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(templateVariables, name) ? values[name as TemplateVariable] : undefined;
    return value ?? whole;
  });
}

/** `{names}` in the text that are not template variables: a typo an editor should point out before saving. */
export function unknownVariables(text: string): string[] {
  const found = [...text.matchAll(VARIABLE)].map((m) => m[1] ?? '');
  return [...new Set(found.filter((n) => !Object.prototype.hasOwnProperty.call(templateVariables, n)))];
}
