import { Injectable } from '@nestjs/common';

/** Wakes this instance's dispatcher when it stored deliveries (others find them by polling). */
@Injectable()
export class DispatchSignal {
  private waiter: (() => void) | null = null;

  wake(): void {
    this.waiter?.();
    this.waiter = null;
  }

  /** Resolves on the next wake() or after `ms`. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve();
      }, ms);
      this.waiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
