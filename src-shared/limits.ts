// Size limits shared by every side, in a module without zod so the customer widget can import them cheaply.

/** Longest chat message, in characters. */
export const MAX_MESSAGE_CHARS = 5000;

/** Largest upload (drop box, attachment, comment file), in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
