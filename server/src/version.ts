// The name and version the server and the CLI report, in one place.
export const serverInfo = { name: 'attest', version: '0.1.0' } as const;
