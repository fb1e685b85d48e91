/** The exit codes of every command (README "Exit codes"); only bin/ hands them to the process. */
export const ExitCode = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
