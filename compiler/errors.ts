// The base of every error a user causes and can fix (a flag, a file, a net definition, a layer
// that exceeds the adapter's limits, a diverging run): commands print its message as one line and
// exit with code 2 (cli/common.ts `main`), where any other error is a bug and keeps its stack.
export class UserError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
