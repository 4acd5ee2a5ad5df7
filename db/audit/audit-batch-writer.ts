import { AuditEvent } from '../../domain/audit/audit-event';

/** 16 parameters a row; PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_ROWS_PER_STATEMENT = 2_000;

interface Pending {
  readonly events: readonly AuditEvent[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes the audit reads of concurrent requests together: while one INSERT is
 * under way the next requests queue, and the queue goes in the next INSERT.
 * Each request waits until its own rows are written (no data leaves before its
 * audit does). A failed batch is retried request by request, so one bad
 * request cannot withhold the others' answers.
 */
export class AuditBatchWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly insert: (events: readonly AuditEvent[]) => Promise<void>) {}

  write(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.take();
        try {
          await this.insert(batch.flatMap((p) => p.events));
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else await Promise.all(batch.map((p) => this.insert(p.events).then(p.resolve, p.reject)));
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private take(): Pending[] {
    let rows = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || rows + this.queue[n].events.length <= MAX_ROWS_PER_STATEMENT)) {
      rows += this.queue[n].events.length;
      n += 1;
    }
    return this.queue.splice(0, n);
  }
}
