/**
 * Progress of a long import on a terminal: one line on stderr, rewritten in place — files parsed, stories written,
 * the rate and the time left. Nothing at all when stderr is not a terminal (piped, redirected, CI), so logs and
 * scripts that read stdout see only the result lines.
 */
export type Progress = {
  parsed: (done: number, total: number) => void;
  written: (done: number, total: number) => void;
  finish: () => void;
};

const SILENT: Progress = { parsed: () => {}, written: () => {}, finish: () => {} };
/** Redraw at most this often. */
const FRAME_MS = 100;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  const started = performance.now();
  let parsed = 0;
  let parseTotal = 0;
  let written = 0;
  let writeTotal = 0;
  let writeStarted: number | undefined;
  let drawn = 0;
  let shown = false;

  const draw = (force = false) => {
    const now = performance.now();
    if (!force && now - drawn < FRAME_MS) return;
    drawn = now;
    let line = `import: ${parsed}/${parseTotal} files parsed`;
    if (writeTotal > 0) {
      const seconds = (now - (writeStarted ?? started)) / 1000;
      const rate = seconds > 0 ? written / seconds : 0;
      const left = rate > 0 ? (writeTotal - written) / rate : undefined;
      line += `, ${written}/${writeTotal} stories written, ${rate.toFixed(0)}/s`;
      if (left !== undefined && written < writeTotal) line += `, ~${formatSeconds(left)} left`;
    }
    stream.write(`\r${line}\u001b[K`);
    shown = true;
  };

  return {
    parsed: (done, total) => {
      parsed = done;
      parseTotal = total;
      draw(done === total);
    },
    written: (done, total) => {
      writeStarted ??= performance.now();
      written = done;
      writeTotal = total;
      draw(done === total);
    },
    finish: () => {
      if (!shown) return;
      draw(true);
      stream.write('\n');
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
