// System notices (incident banners): leads and admins post or clear one; every support page shows it live and on connect.
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { SystemNotice } from '../../src-shared/notice';
import type { AgentActor, ServerContext } from '../context';
import { appendEvent, latestNotice } from '../db/events';
import { once } from '../outcome';
import { recordAudit } from '../admin/admin-command';

export class NoticeService {
  constructor(private readonly ctx: ServerContext) {}

  current(): Promise<SystemNotice | null> {
    return latestNotice(this.ctx.db);
  }

  async set(actor: AgentActor, input: { clientId: string; notice: Pick<SystemNotice, 'severity' | 'text'> | null }): Promise<Result<SystemNotice | null>> {
    if (actor.role === 'agent') return err('forbidden', 'Only leads and admins post system notices.');
    const now = this.ctx.clock.now();
    const out = await this.ctx.writes.run((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, now, async () => {
        const before = await latestNotice(trx);
        const notice: SystemNotice | null = input.notice ? { id: randomUUID(), severity: input.notice.severity, text: input.notice.text, postedAt: now } : null;
        // Logged with no conversation and visitor-visible: every visitor and every specialist reads it.
        const event = await appendEvent(trx, 'notice.updated', { notice }, now, { conversationId: null, departmentId: null, specialistId: null, visitorVisible: true });
        const shown = (n: SystemNotice | null) => (n ? { severity: n.severity, text: n.text } : null);
        const audit = await recordAudit(trx, actor, 'notice.set', 'notice banner', [{ field: 'notice', before: shown(before), after: shown(notice) }], now);
        return { result: ok(notice), events: [event, audit] };
      }),
    );
    this.ctx.broadcaster.publish(out.events);
    if (out.events.length > 0 && out.result.ok) {
      this.ctx.broadcaster.notice(out.result.value);
      this.ctx.log.info({ specialistId: actor.specialistId, severity: out.result.value?.severity ?? null }, 'system notice set');
    }
    return out.result;
  }
}
