// Socket frame sizes, part of the wire contract (docs/protocol.md, "Frame size"): one number answered, one that cuts.

/** An event whose socket.io packet (UTF-8 text plus any binary attachments) is larger than this is answered `too_large`. */
export const EVENT_MAX_BYTES = 1_000_000;

/**
 * The hard cap on one WebSocket frame or one long-polling POST body (socket.io's maxHttpBufferSize): above it the
 * transport is closed without reading the rest. Twice the event limit, so every event the limit answers is read first.
 */
export const FRAME_MAX_BYTES = 2_000_000;
