/**
 * An error the host reports to the renderer as it is: a bad argument, a path outside the
 * user's folders, an unknown id. Transports show its message and map `status` to HTTP
 * (board) — anything else thrown is an internal error (500, message still shown).
 */
export type HostErrorStatus = 400 | 403 | 404 | 409 | 413 | 501;

export class HostError extends Error {
  override name = 'HostError';

  constructor(message: string, readonly status: HostErrorStatus = 400) {
    super(message);
  }
}

/** A path argument that does not lie inside a folder the user opened. */
export const outsideError = (what: string, path: string): HostError =>
  new HostError(`${what} '${path}' is outside the folders you opened; Keisan only reads and writes inside them`, 403);
