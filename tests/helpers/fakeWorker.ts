import type { Command } from '../../src/worker/protocol';

/**
 * Stands in for the browser's training Worker: it records what the page sends, answers pings while
 * `answering`, and the page reads what it posted on `deliver()`; a test raises its error through `onerror`.
 */
export class FakeWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  answering = true;
  terminated = false;
  readonly sent: Command[] = [];
  private readonly queued: unknown[] = [];

  postMessage(command: Command): void {
    this.sent.push(command);
    if (command.type === 'ping' && this.answering) this.queued.push({ type: 'pong' });
  }

  post(data: unknown): void {
    this.queued.push(data);
  }

  deliver(): void {
    for (const data of this.queued.splice(0)) this.onmessage?.({ data } as MessageEvent<unknown>);
  }

  terminate(): void {
    this.terminated = true;
  }
}
