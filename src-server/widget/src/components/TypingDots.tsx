// The grey moving dots beside the specialist's name while they type.

export function TypingDots({ name }: { name: string }) {
  return (
    <div className="sb-typing" data-testid="typing-indicator">
      <span className="sb-typing-name">{name}</span>
      <span className="sb-dots" aria-hidden="true">
        <i />
        <i />
        <i />
      </span>
      <span className="sb-visually-hidden">{name} is typing</span>
    </div>
  );
}
