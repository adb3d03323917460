// Checks a team library's connection string before anything connects with it: settings
// files hold the URL only, never the password.

/** Why a library URL cannot be used, or undefined when it can. A password in it is refused where it would be stored. */
export function libraryUrlProblem(url: string, { passwordAllowed = false } = {}): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a connection string; write it as postgres://user@host:5432/database.`;
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return `"${redact(url)}" is not a PostgreSQL connection string; it should start with postgres://.`;
  if (parsed.password && !passwordAllowed) return `The library's connection string holds a password; remove it and set the ATTEST_LIBRARY_PASSWORD environment variable instead, so that it is not stored in settings.`;
  return undefined;
}

/** The URL with any password replaced by "***", for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

