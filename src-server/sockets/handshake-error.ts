// The error a namespace middleware refuses a handshake with: what a client reads from `connect_error`.

/** `err.message` is the error code, `err.data` the Result error `{ code, message }`. */
export class HandshakeError extends Error {
  constructor(
    message: string,
    readonly data: { code: string; message: string },
  ) {
    super(message);
  }
}
