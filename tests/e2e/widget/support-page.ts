// Shared steps of the widget e2e specs: a server serving the built widget, form filling, screenshots and a host page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { startServer, type StartServerOptions, type TestServer } from '../../support/start-server';
import { upsertDepartment, getDepartment } from '../../../src-server/db/departments';
import { getTicket, saveTicket } from '../../../src-server/db/tickets';

export const WIDGET_DIR = resolve('dist/widget');
export const SHOTS_DIR = resolve('test-artifacts/widget');

/** The real server, serving dist/widget (run `node scripts/build.mjs widget` first). */
export function startWidgetServer(opts: StartServerOptions = {}): Promise<TestServer> {
  return startServer({ ...opts, env: { WIDGET_DIR: WIDGET_DIR, ...opts.env } });
}

/** Specialists pick chats from the queue in this department, so a visitor sees "Just a moment" until one accepts. */
export async function usePickRouting(server: TestServer, departmentId: string): Promise<void> {
  const dept = await getDepartment(server.app.ctx.db, departmentId);
  if (!dept) throw new Error(`no department ${departmentId}`);
  await upsertDepartment(server.app.ctx.db, { ...dept, routing: 'pick' });
  await server.app.chat.refreshAvailability();
}

/** Closes a ticket at once, standing in for the automation that closes solved tickets after some days. */
export async function closeTicket(server: TestServer, ticketId: number): Promise<void> {
  const ticket = await getTicket(server.app.ctx.db, ticketId);
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  const now = server.clock.now();
  await saveTicket(server.app.ctx.db, { ...ticket, status: 'closed', solvedAt: ticket.solvedAt ?? now, closedAt: now, updatedAt: now });
}

export const shot = (page: Page, name: string, opts: { fullPage?: boolean } = {}) =>
  page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, animations: 'disabled', fullPage: opts.fullPage ?? false });

type Surface = Page | FrameLocator;

/** The "Request Chat With" combobox (its list is labelled the same, so getByLabel would match both). */
export const departmentPicker = (surface: Surface) => surface.getByRole('combobox', { name: 'Request Chat With' });

/** The picker's option for a department id; visible only while the list is open. */
export const departmentOption = (surface: Surface, departmentId: string) => surface.locator(`[role="option"][data-value="${departmentId}"]`);

/** Opens the picker and clicks a department, as a customer would. */
export async function chooseDepartment(surface: Surface, departmentId: string): Promise<void> {
  const picker = departmentPicker(surface);
  await picker.click();
  await departmentOption(surface, departmentId).click();
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
}

export async function fillContactForm(surface: Surface, input: { email?: string; department: string; question: string }): Promise<void> {
  if (input.email !== undefined) await surface.getByLabel('Your Email').fill(input.email);
  await chooseDepartment(surface, input.department);
  await surface.getByLabel('Your Question').fill(input.question);
}

/** A 1×1 PNG: real magic bytes, so the server's content check accepts it. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A third-party page on another origin (another loopback port) that embeds the widget with the one-line snippet. */
export async function startHostPage(widgetScriptUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spectra AV</title></head>
<body style="margin:0;font-family:sans-serif;background:#fafafa">
<header style="background:#223;color:#fff;padding:16px">Spectra AV · Campaign dashboard</header>
<main style="padding:24px"><h1>Campaigns</h1><p>Host page content.</p></main>
<script src="${widgetScriptUrl}" data-pid="P1" data-eid="E9" async></script>
</body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Collects the Content-Security-Policy refusals the browser reports (any frame of the page): none are expected. */
export function watchCsp(page: Page): () => string[] {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  return () => refused;
}

export async function expectNoHtmlInjection(page: Page): Promise<void> {
  await expect(page.locator('.sb-bubble img, .sb-bubble script, .sb-bubble b')).toHaveCount(0);
}
