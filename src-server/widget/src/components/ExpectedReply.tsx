// When the customer can expect our answer, after EMAIL US or Submit a request: the department's wording, then the
// instant in the reader's own time.

const replyBy = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export function ExpectedReply({ text, by }: { text: string; by: number | null }) {
  return (
    <p className="sb-expected" data-testid="expected-reply">
      {text}
      {by !== null ? (
        <>
          {' '}
          Expect an answer by <strong>{replyBy.format(by)}</strong> (your time).
        </>
      ) : null}
    </p>
  );
}
