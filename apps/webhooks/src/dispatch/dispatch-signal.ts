import { Injectable } from '@nestjs/common';

/** Only this instance's dispatcher: others find the deliveries by polling. */
@Injectable()
export class DispatchSignal {
  private waiter: (() => void) | null = null;

  wake(): void {
    this.waiter?.();
    this.waiter = null;
  }

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
