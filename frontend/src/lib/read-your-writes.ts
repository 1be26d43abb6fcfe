import { isNotFound } from './api-client';

export type WaitOptions = { attempts?: number; delayMs?: number };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes answer as soon as the event is stored; the read model follows within milliseconds. Reads
 * `load` until it shows `minVersion` (or stops answering 404 for something just created), so a page
 * shows exactly what was just written. Gives the last answer when the read side stays behind.
 */
export const loadAtVersion = async <T extends { version?: number }>(
  load: () => Promise<T>,
  minVersion: number,
  { attempts = 8, delayMs = 120 }: WaitOptions = {},
): Promise<T> => {
  let last: T | undefined;
  for (let attempt = 1; ; attempt += 1) {
    try {
      last = await load();
      if ((last.version ?? minVersion) >= minVersion || attempt >= attempts) return last;
    } catch (error) {
      if (!isNotFound(error) || attempt >= attempts) {
        if (last !== undefined) return last;
        throw error;
      }
    }
    await pause(delayMs * Math.min(attempt, 4));
  }
};
