/** A mistake on the command line: exit code 2, the message and a pointer to --help. */
export class UsageError extends Error {}

/** A path, folder or glob that names nothing, or a failed git command: exit code 2 with the message. */
export class InputError extends Error {}
