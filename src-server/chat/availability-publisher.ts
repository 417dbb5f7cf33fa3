// What customers see of each department (open, chat possible, next change): recomputed from hours and free
// specialists, pushed to every visitor when it changes, and re-armed for the next hours boundary.
import type { Availability } from '../../src-shared/department';
import type { Specialist } from '../../src-shared/specialist';
import type { ServerContext } from '../context';
import type { TimerHandle } from '../clock';
import { listDepartments } from '../db/departments';
import * as specialists from '../db/specialists';
import { computeAvailability, nextAvailabilityChange, HoursCache } from './availability';

export class AvailabilityPublisher {
  private timer: TimerHandle | null = null;
  private readonly hours = new HoursCache();
  private published = '';
  private latest: Availability[] = [];
  private stopped = false;

  constructor(
    private readonly ctx: ServerContext,
    /** Whether a specialist can take chats now (online, and connected to some node). */
    private readonly isRoutable: (s: Specialist, leased: ReadonlySet<string>) => boolean,
  ) {}

  current(): Availability[] {
    return this.latest;
  }

  async refresh(): Promise<Availability[]> {
    if (this.stopped) return this.latest;
    const [depts, all, leased] = await Promise.all([listDepartments(this.ctx.db), specialists.listSpecialists(this.ctx.db), specialists.leasedIds(this.ctx.db, this.ctx.clock.now())]);
    const free = new Map<string, number>();
    for (const s of all) {
      if (!this.isRoutable(s, leased) || s.activeChats >= s.maxConcurrentChats) continue;
      for (const d of s.departmentIds) free.set(d, (free.get(d) ?? 0) + 1);
    }
    const now = this.ctx.clock.now();
    const list = computeAvailability(depts, { freeByDepartment: free }, now, this.hours);
    this.latest = list;
    const key = JSON.stringify(list);
    if (key !== this.published) {
      this.published = key;
      this.ctx.broadcaster.availability(list);
    }
    this.timer?.cancel();
    const next = nextAvailabilityChange(list);
    if (next !== null && !this.stopped) {
      this.timer = this.ctx.clock.setTimer(Math.max(0, next - now), () => {
        void this.refresh().catch((e) => this.ctx.log.error({ err: e }, 'availability refresh failed'));
      });
    }
    return list;
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }
}
