// JSON columns: the one place that turns stored text back into values (the shapes were validated when written).
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

export function fromJson<T>(text: string | null): T {
  return (text === null ? null : JSON.parse(text)) as T;
}

export const flag = (b: boolean): number => (b ? 1 : 0);
