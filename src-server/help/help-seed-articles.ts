// The help center's starter articles, written from the original support docs for how Switchboard works. Hours,
// addresses and ticket statuses are read from the departments and the ticket lifecycle, so they cannot disagree.
import type { Department } from '../../src-shared/department';
import { describeHours } from '../../src-shared/business-hours';
import { ticketStatuses, ticketStatusDescriptions, ticketStatusLabels } from '../../src-shared/ticket-lifecycle';

export interface StarterArticle {
  productId: string;
  /** The slug of a seeded section of that product (help-seed.ts). */
  sectionSlug: 'faqs' | 'documentation' | 'release-notes';
  slug: string;
  title: string;
  body: string;
}

/** A table cell's text: a pipe in it (AV Media's "Print | Interactive") would start a new cell; a slash reads the same. */
const cell = (text: string): string => text.replaceAll('|', '/');

const hoursTable = (departments: readonly Department[]): string =>
  ['| Team | Chat hours |', '|---|---|', ...departments.map((d) => `| ${cell(d.name)} | ${describeHours(d.schedule)} |`)].join('\n');

const emailTable = (departments: readonly Department[]): string =>
  [
    '| Team | What it helps with | Address |',
    '|---|---|---|',
    ...departments.filter((d) => d.email).map((d) => `| ${cell(d.name)} | ${cell(d.description)} | ${d.email ?? ''} |`),
  ].join('\n');

const statusTable = (): string =>
  ['| Status | What it means |', '|---|---|', ...ticketStatuses.map((s) => `| ${ticketStatusLabels[s]} | ${ticketStatusDescriptions[s]} |`)].join('\n');

/** The first product's id, or the given one when it is among the departments (a renamed seed still places every article). */
const inProduct = (departments: readonly Department[], wanted: string): string => (departments.some((d) => d.id === wanted) ? wanted : (departments[0]?.id ?? wanted));

export function starterArticles(departments: readonly Department[]): StarterArticle[] {
  const at = (productId: string, sectionSlug: StarterArticle['sectionSlug']) => ({ productId: inProduct(departments, productId), sectionSlug });
  return [
    {
      ...at('av-media', 'faqs'),
      slug: 'chat-with-support',
      title: 'How do I chat with support?',
      body: `Live chat lets you ask questions and solve problems with our support team in real time, as an alternative to email.

## Where is chat?

Click the **CHAT** tab on the right edge of the page, or open the support page (\`/support\`).

## How does chat work?

1. Type your email address in **Your Email**. It is remembered for your next visit.
2. In **Request Chat With**, choose the team that fits your question. The line under the list says what each team helps with.
3. Type your question in **Your Question**.
4. Click **CHAT WITH US**.

A "Just a moment" message shows while a specialist gets ready; then you see their name and greeting. Moving dots beside
their name mean they are typing. Keep chatting until your question is solved; the specialist then ends the chat.

Every chat becomes a ticket. After the chat you receive an email with a recap of the conversation and a link to add
comments later.

## What if nobody is available?

Outside chat hours, or when every specialist is busy, the tab says **HELP** and the button says **EMAIL US** instead.
Fill in the same form and send it: your request becomes a ticket and is answered during business hours.`,
    },
    {
      ...at('av-media', 'faqs'),
      slug: 'support-hours',
      title: 'When is support available?',
      body: `Chat is open Monday to Friday during each team's hours:

${hoursTable(departments)}

Outside these hours you can still send an email request from the same form (**EMAIL US**), submit a request from the
customer portal, or write to the team's address; we answer during business hours. The **Contacts** page (\`/contacts\`)
shows each team's hours in your own time zone.`,
    },
    {
      ...at('av-media', 'documentation'),
      slug: 'attach-files-in-a-chat',
      title: 'How do I send a file during a chat?',
      body: `Sometimes a screenshot or a document is the quickest way to show a problem.

1. Ask your specialist; they add a **Drop Box** to the conversation.
2. Click **Browse…** in the Drop Box and choose your file, or drag the file onto the chat.
3. A bar shows the upload's progress; when it is done, the file appears in the conversation for both of you.

Images, PDF, text and CSV files, ZIP archives and Excel or Word documents are accepted. Files are checked by their
content, not by their name.

You can also add files to a ticket later: open it from **My activities** in the customer portal, or use the link in
your chat recap email.`,
    },
    {
      ...at('production', 'faqs'),
      slug: 'ticket-statuses',
      title: 'What do the ticket statuses mean?',
      body: `Every chat and every request becomes a ticket. You see its status in **My activities** and in our emails:

${statusTable()}

When a ticket is **Awaiting your reply**, answer our email or add details in **My activities**; your reply puts it back
in our hands. A solved ticket reopens when you reply to it, until it is closed.`,
    },
    {
      ...at('production', 'documentation'),
      slug: 'submit-and-track-requests',
      title: 'Submit a request and follow it in My activities',
      body: `The customer portal (\`/portal\`) lists every ticket you asked for or were copied on, at any hour.

## Sign in

Type your email address and click **Sign in**. We email you a sign-in link; there is no password to remember.

## Submit a request

1. Click **Submit a request**.
2. Choose the team, write a subject and describe the problem.
3. To keep colleagues informed, type their addresses in **CC (optional)** and press Enter after each.
4. Attach screenshots or documents if they help, then click **Submit**.

## Update ticket details

Open a ticket from **My activities** to read the conversation so far. Under **Update ticket details** you can:

- write additional details,
- copy more people by adding their email addresses,
- attach files,

then click **Submit**. Everyone on the ticket sees your update and the support team is notified.`,
    },
    {
      ...at('finance', 'faqs'),
      slug: 'email-support-teams',
      title: 'How do I reach each team by email?',
      body: `Each team has its own address. Mail sent there becomes a ticket, and our replies come back to you by email; reply
to them to add to the same ticket.

${emailTable(departments)}

The **Contacts** page (\`/contacts\`) lists the same addresses with each team's hours.`,
    },
    {
      ...at('technical', 'faqs'),
      slug: 'system-availability',
      title: 'Where can I see system availability?',
      body: `The **System status** page (\`/status\`) shows whether everything is working:

- the state of each part of the platform (operational, degraded or outage),
- incidents we are working on now, with our latest updates,
- incidents resolved in the last two weeks.

It is linked from the **Technical** tile of the help center and from the customer portal.

## Get an email when something happens

Sign in to the customer portal, open the status page and subscribe. We email you when an incident starts and when it is
resolved. Every email has a one-click unsubscribe link.`,
    },
    {
      ...at('technical', 'documentation'),
      slug: 'access-and-streaming-problems',
      title: 'Troubleshooting platform access and streaming',
      body: `Our support team helps with these problems and escalates to engineering when something is wrong on our side.

## Accessing the platform

If the page does not load or you cannot sign in, tell us in a chat or a request what you see and which browser you use.
We send you steps to solve it. A private window with browser extensions turned off is a quick first check.

## Streaming

For buffering, poor audio or video, or a black screen, we send you resources such as a test page to find where the
problem is.

## Personal information

Changes to your registration details are made by the event organisers; we point you to them.

## Something else does not work

Describe what you tried and what happened. We give you a way around it when there is one, and report real bugs to our
engineering team.

## Large-scale problems

When many people are affected, we escalate to engineering at once and post an incident on the **System status** page
(\`/status\`), where you can follow its progress.`,
    },
    {
      ...at('canadian-spot', 'faqs'),
      slug: 'follow-sections-and-articles',
      title: 'How do I follow a section or an article?',
      body: `Follow a section to hear about new and updated articles in it, such as a product's release notes. Follow an article to
hear when it changes.

1. Sign in to the customer portal.
2. Open the section or article in the help center and click **Follow**. Follow as many as you like.
3. Choose how you want to hear about them: an email for each article, or one daily digest.

To stop, click **Unfollow** on the section or article, or use the unsubscribe link at the bottom of any of our emails.`,
    },
  ];
}
