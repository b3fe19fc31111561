import * as v from 'valibot';

/** Valibot's issues as messages that name their field: `explain.zh: must not be empty`. */
export function issueMessages(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
