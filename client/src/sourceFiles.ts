// The files the client watches for the server: a change to one re-checks the open drafts when
// it is one of the writer's sources. The extensions the source readers read
// (server/src/corpus/readers/), and the reference libraries (.bib, CSL-JSON .json); the server
// decides which changed files are sources. Written out here rather than imported, so that the
// client's bundle does not take in the readers; a test keeps the two lists equal.
export const sourceFileExtensions = ['md', 'markdown', 'txt', 'pdf', 'html', 'htm', 'xhtml', 'docx', 'bib', 'json'];

export const sourceFilePattern = `**/*.{${sourceFileExtensions.join(',')}}`;
