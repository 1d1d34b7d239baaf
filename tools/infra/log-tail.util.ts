/** Keeps the last lines a child process printed, so a start failure can show why. */
export class LogTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly maxLines = 40) {}

  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.pushLine(line);
    // A process that never prints a newline must not grow this without bound.
    if (this.partial.length > 4096) {
      this.pushLine(this.partial);
      this.partial = '';
    }
  }

  pushLine(line: string): void {
    if (line.trim() === '') return;
    this.lines.push(line);
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  text(): string {
    const all = this.partial.trim() ? [...this.lines, this.partial] : this.lines;
    return all.join('\n');
  }
}
