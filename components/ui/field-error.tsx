// The message under a form field, referenced by the field's aria-describedby.
export function FieldError({ id, messages }: { id: string; messages?: string[] | string | null }) {
  const list = messages == null ? [] : Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return null;
  return (
    <div id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {list.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}

export function hasErrors(messages?: string[] | string | null): boolean {
  return messages != null && (Array.isArray(messages) ? messages.length > 0 : messages.length > 0);
}
