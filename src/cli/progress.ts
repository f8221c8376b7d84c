/** A one-line progress display on a terminal's stderr, redrawn at most every 200 ms; silent elsewhere. */
export class ProgressLine {
  private last = 0;
  private shown = false;
  private readonly started = performance.now();

  constructor(private readonly stream: NodeJS.WriteStream, private readonly enabled: boolean) {}

  update(text: (elapsedSeconds: number) => string): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < 200) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\u001b[2K${text((now - this.started) / 1000)}`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
