/** A failure to bring shenpi up, with what the operator should do next (one line each). */
export class StartupError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'StartupError';
  }
}
