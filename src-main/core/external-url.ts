// Which links may leave the app for the system browser: http(s) only, no embedded credentials.
import { err, ok, type Result } from '../../src-shared/result';

export function validateExternalUrl(raw: string): Result<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err('bad_request', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return err('forbidden', 'only http and https links open externally');
  if (url.username || url.password) return err('forbidden', 'links with credentials are not opened');
  if (!url.hostname) return err('bad_request', 'link has no host');
  return ok(url.toString());
}
