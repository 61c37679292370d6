/** Time as the sandbox sees it. Tests move it forward to cross the 24-hour rotation grace. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  private offsetMs = 0;
  now() {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

export const iso = (ms: number) => new Date(ms).toISOString();
