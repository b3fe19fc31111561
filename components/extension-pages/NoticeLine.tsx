

/** What a section last did: a status line, or an alert when something went wrong. */
export type Notice = { kind: 'status' | 'alert'; text: string } | null;

export function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <>
      <p role="status" class="notice">
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      {notice?.kind === 'alert' && (
        <p role="alert" class="notice error">
          {notice.text}
        </p>
      )}
    </>
  );
}
