// A light email check for instant feedback in the form; the server's zod schema has the final word.

// One "@", no spaces, a dot in the domain: catches typos without rejecting unusual but valid addresses.
const shape = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function isLikelyEmail(value: string): boolean {
  const email = value.trim();
  return email.length <= 254 && shape.test(email);
}
