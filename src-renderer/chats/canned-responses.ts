// Canned responses: the defaults, and matching the composer's "/shortcut" text against them.
export type CannedResponse = { shortcut: string; title: string; body: string };

export const defaultCannedResponses: CannedResponse[] = [
  { shortcut: 'hello', title: 'Greeting', body: 'Hi! Thanks for reaching out — I am looking into this now.' },
  { shortcut: 'moment', title: 'One moment', body: 'Thanks for your patience, give me a moment to check that for you.' },
  { shortcut: 'screenshot', title: 'Ask for a screenshot', body: 'Could you send me a screenshot of what you see? I have added an upload box below.' },
  { shortcut: 'browser', title: 'Browser check', body: 'Which browser and version are you using? Please also try a private window with extensions disabled.' },
  { shortcut: 'organisers', title: 'Personal information', body: 'For changes to your personal information, please contact the event organisers directly — they manage registration data.' },
  { shortcut: 'thanks', title: 'Closing', body: 'Glad I could help! Is there anything else I can do for you today?' },
];

/** The "/query" being typed when the composer text is a lone slash command, else null. */
export function slashQuery(text: string): string | null {
  const m = /^\/([\w-]*)$/.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

/** Responses whose shortcut starts with the query first, then those whose title or body mention it. */
export function matchCanned(list: readonly CannedResponse[], query: string): CannedResponse[] {
  const q = query.toLowerCase();
  const prefix = list.filter((c) => c.shortcut.toLowerCase().startsWith(q));
  const mention = list.filter((c) => !prefix.includes(c) && (c.title + ' ' + c.body).toLowerCase().includes(q));
  return [...prefix, ...mention];
}
