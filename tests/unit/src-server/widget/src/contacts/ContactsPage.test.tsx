import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DepartmentCard } from '../../../../../../src-server/widget/src/contacts/ContactsPage';
import type { DepartmentContact } from '../../../../../../src-shared/protocol/portal';

const contact = (over: Partial<DepartmentContact> = {}): DepartmentContact => ({
  departmentId: 'finance',
  name: 'Finance',
  description: 'Billing, invoices and payments',
  email: 'finance@support.example.com',
  schedule: { zone: 'America/New_York', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })), holidays: [] },
  hoursText: 'Mon–Fri 9 am to 5 pm Eastern Time',
  ...over,
});

// Wednesday 18 November 2026, 10:00 in New York.
const NOW = Date.UTC(2026, 10, 18, 15);
const plain = (html: string) => html.replace(/\u202f/g, ' ');

describe('DepartmentCard', () => {
  it('links the direct email as mailto and shows the hours in the reader’s zone, with the team’s own wording', () => {
    const html = plain(renderToStaticMarkup(<DepartmentCard contact={contact()} now={NOW} zone="Europe/London" />));
    expect(html).toContain('href="mailto:finance@support.example.com"');
    expect(html).toContain('<dt>Mon–Fri</dt><dd>2:00 PM – 10:00 PM</dd>');
    expect(html).toContain("Team&#x27;s own hours: Mon–Fri 9 am to 5 pm Eastern Time");
    expect(html).toContain('Open now');
  });

  it('sends a department without a direct address to the support page', () => {
    const html = renderToStaticMarkup(<DepartmentCard contact={contact({ email: null })} now={NOW} zone="Europe/London" />);
    expect(html).not.toContain('mailto:');
    expect(html).toContain('No direct email — use the');
    expect(html).toContain('href="/support"');
  });

  it('names a holiday that closes a day of the coming week', () => {
    const html = renderToStaticMarkup(
      <DepartmentCard contact={contact({ schedule: { ...contact().schedule, holidays: ['2026-11-20'] } })} now={NOW} zone="America/New_York" />,
    );
    expect(html).toMatch(/Closed for a holiday: Fri, Nov 20/);
  });
});
