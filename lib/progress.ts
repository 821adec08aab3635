// Progress of long start-up work: each step says when it starts, ticks while it runs, and
// says how long it took.
export type Tick = (elapsedMs: number) => void;

export interface Progress {
  step<T>(title: string, work: (tick: Tick) => Promise<T>): Promise<T>;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

export function consoleProgress(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Progress {
  return {
    async step(title, work) {
      const started = Date.now();
      write(`▶ ${title} …`);
      try {
        const result = await work((elapsed) => write(`  … ${title}: ${seconds(elapsed)}`));
        write(`✔ ${title} (${seconds(Date.now() - started)})`);
        return result;
      } catch (error) {
        write(`✘ ${title} (${seconds(Date.now() - started)})`);
        throw error;
      }
    },
  };
}

export const silentProgress: Progress = { step: (_title, work) => work(() => undefined) };
