// The console core's "Post update" on an open incident (postIncidentUpdate → incident:update through the outbox) against
// the real server: the update shows on /status and the incident stays open in the console's list.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { statusPageSchema } from '../../../../src-shared/protocol/status';
import { harness } from './console-harness';

const h = harness();
afterEach(() => h.cleanup());

describe('console core: incident updates', () => {
  it('a lead posts an update on an open incident; /status shows it; a resolved incident refuses one', async () => {
    const srv = await h.bootServer();
    const lead = await srv.current.createSpecialist({ displayName: 'Lee', role: 'lead' });
    const c = h.openConsole(join(h.tempDir(), 'a.db'), srv);
    await c.login(lead);
    const created = await c.service.createIncident({ title: 'Slow logins', category: 'platform_access', eid: null, ticketIds: [], notice: null });
    if (!created.ok) throw new Error(created.error.message);

    const posted = await c.service.postIncidentUpdate({ incidentId: created.value.id, note: 'The identity provider is recovering.' });
    expect(posted.ok && posted.value).toMatchObject({ id: created.value.id, state: 'open' });
    const page = statusPageSchema.parse(((await (await fetch(`${srv.current.url}/api/status`)).json()) as { value: unknown }).value);
    expect(page.openIncidents[0]?.updates.map((u) => u.note)).toEqual(['The identity provider is recovering.']);

    await c.service.resolveIncident({ incidentId: created.value.id, note: 'Fixed.', notifyRequesters: false });
    const late = await c.service.postIncidentUpdate({ incidentId: created.value.id, note: 'Too late.' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
